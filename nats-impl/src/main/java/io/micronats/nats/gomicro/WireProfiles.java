package io.micronats.nats.gomicro;

import io.micronats.spi.plugin.PluginConfig;
import java.util.Locale;

/**
 * Reads the {@value #PROFILE} setting of the transport and broker plugins, as the registry reads
 * its own: {@value #MICRONATS} (the default) or {@value #GO_MICRO}. From the environment it is
 * {@code MICRO_TRANSPORT_PROFILE} / {@code MICRO_BROKER_PROFILE} (see
 * {@link PluginConfig#fromEnvironment}).
 *
 * <p>Stateless and thread-safe.
 */
public final class WireProfiles {

  /** Settings key of the wire profile. */
  public static final String PROFILE = "profile";
  /** micronats' own wire (NATS headers, control messages). */
  public static final String MICRONATS = "micronats";
  /** go-micro's wire (JSON envelope, no control messages). */
  public static final String GO_MICRO = "go-micro";

  private WireProfiles() {}

  /**
   * True when {@code config} selects the go-micro profile.
   *
   * @throws IllegalArgumentException when the setting names neither profile
   */
  public static boolean isGoMicro(PluginConfig config) {
    String value = config.get(PROFILE).orElse(MICRONATS).trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (value) {
      case GO_MICRO -> true;
      case MICRONATS -> false;
      default -> throw new IllegalArgumentException("setting '" + PROFILE + "' must be '" + MICRONATS
          + "' or '" + GO_MICRO + "', was '" + value + "'");
    };
  }
}
