package io.micronats.simulator.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The faults of one run, in the order they start.
 *
 * <p>Immutable.
 *
 * @param faults the faults, sorted by {@link FaultSpec#at()}
 */
public record FaultSchedule(List<FaultSpec> faults) {

  /** No faults. */
  public static final FaultSchedule NONE = new FaultSchedule(List.of());

  public FaultSchedule {
    Objects.requireNonNull(faults, "faults");
    List<FaultSpec> sorted = new ArrayList<>(faults);
    sorted.sort(Comparator.comparing(FaultSpec::at));
    faults = List.copyOf(sorted);
  }

  /** A schedule of these faults. */
  public static FaultSchedule of(FaultSpec... faults) {
    return new FaultSchedule(List.of(faults));
  }

  /** Whether there is no fault. */
  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * What keeps this schedule from running on a run with {@code nodes} local nodes (0 for an
   * external cluster), with or without link proxies and a fleet; each problem starts with the
   * field path {@code faults[i].field} of the fault as given (index into {@link #faults()}).
   */
  public List<String> problems(int nodes, boolean linkProxies, boolean fleet) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      String at = "faults[" + i + "]";
      if (f.kind().needsLocalNodes() && nodes == 0) {
        problems.add(at + ".kind: " + f.kind().scenarioName()
            + " needs a local cluster; an external layout has no processes to signal");
      }
      if (f.kind().needsLinkProxies() && !linkProxies) {
        problems.add(at + ".kind: " + f.kind().scenarioName()
            + " needs link proxies (layout.linkProxies: true on a local cluster)");
      }
      if (f.kind().needsInstances() && !fleet) {
        problems.add(at + ".kind: " + f.kind().scenarioName() + " needs a fleet of fake services");
      }
      if (f.target() instanceof FaultTarget.Node n && nodes > 0 && n.index() >= nodes) {
        problems.add(at + ".target: node " + n.index() + " does not exist; the layout has "
            + nodes + " nodes (0.." + (nodes - 1) + ")");
      }
      if (f.target() instanceof FaultTarget.Pair p && nodes > 0 && Math.max(p.a(), p.b()) >= nodes) {
        problems.add(at + ".target: " + p.describe() + " do not both exist; the layout has " + nodes
            + " nodes");
      }
    }
    return problems;
  }
}
