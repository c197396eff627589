package io.micronats.simulator.workload;

/**
 * What the broker workload tells about every message, for whoever accounts loss, duplication and
 * reordering against faults (the fault package's delivery ledger). Publishers are named
 * {@code pub<i>}, targets {@code sub<i>} and {@code group}.
 *
 * <p>Called from the publisher threads and the broker's delivery threads at once: implementations
 * are thread-safe, fast and do not throw.
 */
public interface DeliveryObserver {
  /** {@code target} expects every message of {@code publisher}, in order. */
  void expect(String target, String publisher);

  /** {@code target} expects every message of {@code publisher}; in order only when {@code ordered}. */
  void expect(String target, String publisher, boolean ordered);

  /** Message {@code seq} of {@code publisher} is being sent, intended at {@code nanos}. */
  void sent(String publisher, long seq, long nanos);

  /** The broker refused message {@code seq} of {@code publisher} at {@code nanos}: it was never sent. */
  void rejected(String publisher, long seq, long nanos);

  /** {@code target} received message {@code seq} of {@code publisher} at {@code nanos}. */
  void received(String target, String publisher, long seq, long nanos);
}
