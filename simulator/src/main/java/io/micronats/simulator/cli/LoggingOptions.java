package io.micronats.simulator.cli;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --verbose} and {@code --log-level LEVEL}, accepted by every command. The level must be set
 * before the first logger exists, so {@link Main} applies it from the raw arguments
 * ({@link #apply}) before picocli parses them; these fields only make picocli accept and document
 * the options. Default: warnings and errors only ({@code simplelogger.properties}).
 */
final class LoggingOptions {
  static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log at INFO level (libraries, NATS connections).")
  boolean verbose;

  @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
      description = "Log level: trace, debug, info, warn (default), error or off.")
  String logLevel = "warn";

  /**
   * Sets the log level {@code args} ask for ({@code --log-level L}, {@code --log-level=L},
   * {@code --verbose}, {@code -q}/{@code --quiet} for errors only) for SLF4J's simple binding and
   * java.util.logging; returns it, or null when the arguments name none (or an unknown one, which
   * {@link #check} refuses).
   */
  static @Nullable String apply(String[] args) {
    String level = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--verbose")) {
        level = "info";
      } else if (a.equals("-q") || a.equals("--quiet")) {
        level = level == null ? "error" : level;
      } else if (a.equals("--log-level") && i + 1 < args.length) {
        level = args[i + 1].toLowerCase(Locale.ROOT);
      } else if (a.startsWith("--log-level=")) {
        level = a.substring("--log-level=".length()).toLowerCase(Locale.ROOT);
      }
    }
    if (level != null && LEVELS.contains(level)) {
      System.setProperty(LEVEL_PROPERTY, level);
      java.util.logging.Level jul = switch (level) {
        case "trace", "debug" -> java.util.logging.Level.FINE;
        case "info" -> java.util.logging.Level.INFO;
        case "warn" -> java.util.logging.Level.WARNING;
        case "error" -> java.util.logging.Level.SEVERE;
        default -> java.util.logging.Level.OFF;
      };
      java.util.logging.Logger.getLogger("").setLevel(jul);  // jnats logs through java.util.logging
      return level;
    }
    return null;
  }

  /** The usage error for an unknown level, or null. */
  static @Nullable String check(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String v = args[i].equals("--log-level") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("--log-level=") ? args[i].substring("--log-level=".length()) : null;
      if (v != null && !LEVELS.contains(v.toLowerCase(Locale.ROOT))) {
        return "--log-level " + v + ": expected one of trace, debug, info, warn, error, off";
      }
    }
    return null;
  }
}
