package io.micronats.nats.cluster;

/**
 * Starts a 2-node cluster, prints its work directory and pids, and exits without closing it, so
 * that {@link ShutdownHookTest} can check the shutdown hook cleans up.
 */
public final class ExitWithoutCloseMain {
  private ExitWithoutCloseMain() {}

  public static void main(String[] args) {
    NatsCluster cluster = NatsCluster.builder().nodes(2).clusterName("exit").build();
    cluster.start();
    System.out.println("DIR " + cluster.workDir());
    for (NatsNode n : cluster.nodes()) {
      System.out.println("PID " + n.pid());
    }
    System.out.flush();
    System.exit(0);
  }
}
