package io.micronats.simulator.fleet;

import io.micronats.spi.broker.Subscription;
import io.micronats.spi.registry.Service;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of a fake service: its RPC server (registered) and its broker
 * subscriptions. Closing deregisters it and unsubscribes; idempotent. After its plugin set crashed,
 * {@link #closeAfterCrash()} stops it quietly instead (the crashed set's registry no longer takes
 * (de)registrations).
 *
 * <p>Thread-safe for {@link #close()}; otherwise immutable.
 */
public final class FakeService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeService.class);
  private final int index;
  private final int instance;
  private final RpcBinding.Served served;
  private final List<Subscription> subscriptions;
  private boolean closed;

  FakeService(int index, int instance, RpcBinding.Served served, List<Subscription> subscriptions) {
    this.index = index;
    this.instance = instance;
    this.served = served;
    this.subscriptions = List.copyOf(subscriptions);
  }

  /** The service's number in the fleet (0-based). */
  public int index() {
    return index;
  }

  /** The instance number of this service (0-based). */
  public int instance() {
    return instance;
  }

  /** The registered service record. */
  public Service service() {
    return served.service();
  }

  @Override
  public void close() {
    stop(false);
  }

  /**
   * Stops the instance after its plugin set crashed: its server stops refreshing its registration
   * (and does not deregister, see {@link CrashGatedRegistry}), every failure is logged at debug level
   * only. Idempotent, and {@link #close()} does nothing afterwards.
   */
  void closeAfterCrash() {
    stop(true);
  }

  private synchronized void stop(boolean crashed) {
    if (closed) {
      return;
    }
    closed = true;
    for (Subscription s : subscriptions) {
      try {
        s.unsubscribe();
      } catch (RuntimeException e) {
        LOG.debug("unsubscribe of {} failed: {}", s.topic(), e.toString());
      }
    }
    try {
      served.close();
    } catch (RuntimeException e) {
      if (crashed) {
        LOG.debug("stopping crashed service {} failed: {}", served.service().name(), e.toString());
      } else {
        LOG.warn("closing service {} failed: {}", served.service().name(), e.toString());
      }
    }
  }
}
