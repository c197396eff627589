package io.micronats.nats.cluster;

import java.util.Objects;

/**
 * Where a server of a {@link NatsLayout} stands: its availability zone and region labels. Latency
 * between servers is chosen by these labels ({@link LinkLatency}).
 *
 * <p>Immutable.
 *
 * @param zone the zone label, for example {@code eu-1a}
 * @param region the region label, for example {@code eu-1}
 */
public record NodePlace(String zone, String region) {

  public NodePlace {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(region, "region");
    if (zone.isBlank() || region.isBlank()) {
      throw new IllegalArgumentException("zone and region must not be blank, got '" + zone + "', '"
          + region + "'");
    }
  }

  /** A place in {@code zone} of {@code region}. */
  public static NodePlace of(String zone, String region) {
    return new NodePlace(zone, region);
  }
}
