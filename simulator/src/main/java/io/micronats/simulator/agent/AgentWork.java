package io.micronats.simulator.agent;

import io.nats.client.Connection;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What an agent does with its {@link Assignment}: host its share of the fleet, offer its share of
 * the load, and return what it measured.
 *
 * <p>Contract: called once per assignment on the agent's thread; may block for the assignment's
 * duration plus a grace period, and must return by then; it may use the given connection but must
 * not close it. An exception becomes the report's {@code error}.
 */
@FunctionalInterface
public interface AgentWork {

  /** Runs the share and returns its measurements. */
  Result run(Assignment assignment, Connection connection, AgentSubjects subjects) throws Exception;

  /**
   * Measurements of one share.
   *
   * @param counts counters by name
   * @param histograms latency histograms by name, nanoseconds
   */
  record Result(Map<String, Long> counts, Map<String, Histogram> histograms) {
    public Result {
      counts = Map.copyOf(counts);
      histograms = Map.copyOf(histograms);
    }
  }
}
