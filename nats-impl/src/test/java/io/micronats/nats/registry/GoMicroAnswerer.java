package io.micronats.nats.registry;

import io.micronats.spi.registry.Service;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for one go-micro process on its own raw jnats connection, answering registry queries
 * exactly as go-micro's NATS registry does (go-micro-contracts §2.1): no NATS headers, one reply
 * per version it holds for the name asked (or for every name on "list"), and a watch {@code create}
 * per registered version. {@link #close()} closes the connection without a delete, as a crash.
 */
// -Xlint:try: close() waits for the answerer thread, so it declares InterruptedException.
@SuppressWarnings("try")
final class GoMicroAnswerer implements AutoCloseable {

  private final Connection nc;
  private final List<Service> versions;

  private GoMicroAnswerer(Connection nc, List<Service> versions) {
    this.nc = nc;
    this.versions = versions;
  }

  /** Connects to {@code url}, subscribes to the go-micro query subject, and announces every version. */
  static GoMicroAnswerer start(String url, List<Service> versions) throws Exception {
    Connection nc = Nats.connect(url);
    GoMicroAnswerer a = new GoMicroAnswerer(nc, versions);
    Dispatcher d = nc.createDispatcher(a::onQuery);
    d.subscribe(WireProfile.GO_MICRO.querySubject());
    nc.flush(Duration.ofSeconds(5));
    for (Service s : versions) {
      nc.publish(WireProfile.GO_MICRO.watchSubject(), RegistryCodec.event("create", s).getBytes(StandardCharsets.UTF_8));
    }
    nc.flush(Duration.ofSeconds(5));
    return a;
  }

  private void onQuery(io.nats.client.Message msg) {
    RegistryCodec.Result q = RegistryCodec.readResult(new String(msg.getData(), StandardCharsets.UTF_8));
    String action = q.action().toLowerCase(Locale.ROOT);
    for (Service s : versions) {
      boolean asked = action.equals("list") || (action.equals("get") && q.service() != null && q.service().name().equals(s.name()));
      if (asked) {
        nc.publish(msg.getReplyTo(), RegistryCodec.service(s).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    nc.close();
  }
}
