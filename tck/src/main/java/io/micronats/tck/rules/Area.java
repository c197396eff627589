package io.micronats.tck.rules;

import java.util.Locale;

/**
 * The part of the SPI a rule is about, named by the prefix of its ID.
 *
 * <p>Immutable enum constants, safe to share between threads.
 */
public enum Area {
  /** {@code TRN-nnn}: {@link io.micronats.spi.transport.Transport}. */
  TRANSPORT("TRN"),
  /** {@code BRK-nnn}: {@link io.micronats.spi.broker.Broker}. */
  BROKER("BRK"),
  /** {@code REG-nnn}: {@link io.micronats.spi.registry.Registry}. */
  REGISTRY("REG"),
  /** {@code RPC-nnn}: the RPC client and server built on a transport and a registry. */
  RPC("RPC");

  private final String prefix;

  Area(String prefix) {
    this.prefix = prefix;
  }

  /** The three-letter ID prefix, such as {@code TRN}. */
  public String prefix() {
    return prefix;
  }

  /** The lower-case name used in reports: {@code transport}, {@code broker}, {@code registry}, {@code rpc}. */
  public String reportName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The area of a rule ID such as {@code BRK-007}.
   *
   * @throws IllegalArgumentException when the ID has no known prefix
   */
  public static Area ofId(String id) {
    for (Area area : values()) {
      if (id.startsWith(area.prefix + "-")) {
        return area;
      }
    }
    throw new IllegalArgumentException("rule ID '" + id + "' does not start with TRN-, BRK-, REG- or RPC-");
  }
}
