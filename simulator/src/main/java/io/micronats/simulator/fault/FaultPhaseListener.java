package io.micronats.simulator.fault;

import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.workload.PhaseRunner;

/**
 * Connects a {@link FaultSession} to the run engine's phases: starts each phase's faults at its
 * measured start, passes every RPC completion (with its cause and its actual send time, by which
 * the fault windows file it) and every sampling interval to the timeline, and ends the phase's
 * faults with it.
 *
 * <p>Thread-safe: phase calls come from the control thread, samples from the reporter thread,
 * completions from the workload's threads; all go to thread-safe parts of the session.
 */
public final class FaultPhaseListener implements PhaseRunner.Listener {
  private final FaultSession session;

  /** A listener feeding {@code session}. */
  public FaultPhaseListener(FaultSession session) {
    this.session = session;
  }

  @Override
  public void phaseStarted(String name, String workload, long windowStartNanos, PhaseMeter meter) {
    FaultTimeline timeline = session.timeline();
    if (workload.equals("rpc")) {
      // filed by actual send time; the buckets of "back to baseline" stay by intended time
      meter.observe((intended, sent, done, outcome) -> timeline.call(name, intended, sent, done,
          CallResult.of(outcome)));
    } else {
      // a publish succeeds when the local server took it; the broker's deliveries mark first success
      boolean endToEnd = !workload.equals("broker");
      meter.observe((intended, sent, done, outcome) -> timeline.completed(name, intended, done,
          outcome == Outcome.SUCCESS, endToEnd));
    }
    session.phaseStarted(name, workload, windowStartNanos);
  }

  @Override
  public void sampled(String name, long startNanos, long endNanos, TimePoint point) {
    long successes = Math.round(point.rate() * (endNanos - startNanos) / 1e9);
    session.timeline().interval(name, startNanos, endNanos, successes, point.errors(), point.p99Micros());
  }

  @Override
  public void phaseEnded(String name, long nanos) {
    session.phaseEnded(name, nanos);
  }
}
