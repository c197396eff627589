package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Waits until a subscription matching a subject is visible on every server of a cluster, because
 * routes propagate interest asynchronously: a flush only proves that the subscriber's own server
 * saw the SUB.
 *
 * <p>It polls each server's monitoring port: {@code /subsz?subs=1&test=SUBJECT} for local
 * subscriptions and {@code /routez?subs=1} for interest learned over routes. Thread-safe and
 * stateless; starts no threads.
 *
 * <pre>{@code
 * InterestWaiter.of(cluster::monitorUrls).await("orders.created", Duration.ofSeconds(5));
 * }</pre>
 */
public final class InterestWaiter {
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration POLL_PAUSE = Duration.ofMillis(25);

  private final Supplier<List<String>> monitorUrls;

  private InterestWaiter(Supplier<List<String>> monitorUrls) {
    this.monitorUrls = Objects.requireNonNull(monitorUrls, "monitorUrls");
  }

  /** A waiter over the servers whose monitoring base URLs the supplier returns at each poll. */
  public static InterestWaiter of(Supplier<List<String>> monitorUrls) {
    return new InterestWaiter(monitorUrls);
  }

  /** A waiter over a fixed list of monitoring base URLs ({@code http://host:8222}). */
  public static InterestWaiter of(List<String> monitorUrls) {
    List<String> copy = List.copyOf(monitorUrls);
    return new InterestWaiter(() -> copy);
  }

  /**
   * Blocks until every server shows a subscription matching {@code subject}.
   *
   * @param subject a concrete publish subject (no wildcards); subscriptions with wildcards match it
   * @throws InterestTimeoutException naming the servers still lacking interest when the timeout
   *     passes
   * @throws IllegalArgumentException when the subject is blank
   */
  public void await(String subject, Duration timeout) {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    List<String> missing = Poll.until(() -> lacking(subject), List::isEmpty, timeout, POLL_PAUSE,
        "interest in " + subject);
    if (missing.isEmpty()) {
      return;
    }
    throw new InterestTimeoutException("waiting for interest in '" + subject + "' (still missing on "
        + missing + ")", timeout);
  }

  /** Whether every server shows interest in {@code subject} right now. */
  public boolean hasInterest(String subject) {
    return lacking(subject).isEmpty();
  }

  private List<String> lacking(String subject) {
    List<String> missing = new ArrayList<>();
    for (String url : monitorUrls.get()) {
      try {
        if (!localInterest(url, subject) && !routedInterest(url, subject)) {
          missing.add(url);
        }
      } catch (UncheckedIOException | IllegalArgumentException e) {
        missing.add(url + " (" + e.getMessage() + ")");
      }
    }
    return missing;
  }

  private static boolean localInterest(String url, String subject) {
    String json = MonitorClient.get(url, "/subsz?subs=1&test="
        + URLEncoder.encode(subject, StandardCharsets.UTF_8), POLL_TIMEOUT);
    Map<String, Object> m = Json.parseObject(json);
    return !Json.list(m, "subscriptions_list").isEmpty();
  }

  private static boolean routedInterest(String url, String subject) {
    Routez routez = Routez.parse(MonitorClient.get(url, "/routez?subs=1", POLL_TIMEOUT));
    for (Routez.Route r : routez.routes()) {
      for (String entry : r.subscriptions()) {
        int space = entry.indexOf(' ');
        String pattern = space < 0 ? entry : entry.substring(0, space);
        if (Subjects.matches(pattern, subject)) {
          return true;
        }
      }
    }
    return false;
  }
}
