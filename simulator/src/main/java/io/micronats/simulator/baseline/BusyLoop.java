package io.micronats.simulator.baseline;

/**
 * The contending process of {@code bench --contend N}: {@code args[0]} threads spinning on
 * arithmetic for at most {@code args[1]} milliseconds, then exit. Not part of the API.
 */
public final class BusyLoop {
  @SuppressWarnings("UnusedVariable") // written, never read: the volatile store keeps the JIT from removing the spin
  private static volatile long sink;

  private BusyLoop() {}

  /** {@code BusyLoop THREADS MAX_MILLIS}. */
  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
    Thread[] spinners = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      spinners[i] = new Thread(() -> {
        long x = 1;
        while (System.nanoTime() < deadline) {
          for (int k = 0; k < 10_000; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
          }
          sink = x;
        }
      }, "busy-" + i);
      spinners[i].start();
    }
    for (Thread t : spinners) {
      t.join();
    }
  }
}
