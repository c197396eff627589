package io.micronats.simulator.scenario;

/**
 * What a fault is aimed at: one node, a fraction of the nodes, two nodes (a link between them),
 * or a fraction of the fake-service instances.
 *
 * <p>Immutable.
 */
public sealed interface FaultTarget {

  /** The node at {@code index} (from 0, like the layout's placement; server {@code n<index+1>}). */
  record Node(int index) implements FaultTarget {
    public Node {
      if (index < 0) {
        throw new IllegalArgumentException("node index must be >= 0, got " + index);
      }
    }

    @Override
    public String describe() {
      return "node " + index;
    }
  }

  /**
   * A fraction of the nodes, at least one, chosen from the run's seed; with {@code 1.0}, all
   * of them.
   */
  record Nodes(double fraction) implements FaultTarget {
    public Nodes {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
      }
    }

    @Override
    public String describe() {
      return fraction == 1.0 ? "all nodes" : (Math.round(fraction * 1000) / 10.0) + "% of nodes";
    }
  }

  /** The link between nodes {@code a} and {@code b} (from 0), for partitions. */
  record Pair(int a, int b) implements FaultTarget {
    public Pair {
      if (a < 0 || b < 0 || a == b) {
        throw new IllegalArgumentException("a pair needs two different node indexes >= 0, got " + a
            + " and " + b);
      }
    }

    @Override
    public String describe() {
      return "nodes " + a + " and " + b;
    }
  }

  /** A fraction of the running fake-service instances, at least one, chosen from the seed. */
  record Instances(double fraction) implements FaultTarget {
    public Instances {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
      }
    }

    @Override
    public String describe() {
      return (Math.round(fraction * 1000) / 10.0) + "% of service instances";
    }
  }

  /** A short human description, for reports. */
  String describe();
}
