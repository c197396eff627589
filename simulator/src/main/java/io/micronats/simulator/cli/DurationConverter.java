package io.micronats.simulator.cli;

import io.micronats.simulator.scenario.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Converts option values such as {@code 5s} or {@code 250ms} to durations. Stateless. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
