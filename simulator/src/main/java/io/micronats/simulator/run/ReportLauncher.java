package io.micronats.simulator.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders reports through the reports module's entry point when it is on the class path. The
 * simulator finds it by name so that it builds and runs before that entry point exists. Stateless.
 */
public final class ReportLauncher {
  /** The class and static method used: {@code List<Path> render(List<Path> results, Path outDir)}. */
  static final String ENTRY_CLASS = "io.micronats.reports.Reports";
  static final String ENTRY_METHOD = "render";

  private ReportLauncher() {}

  /**
   * Renders {@code results} into {@code outDir}; empty when the reports module has no entry point.
   *
   * @throws java.io.IOException when rendering failed
   */
  public static Optional<List<Path>> render(List<Path> results, Path outDir) throws java.io.IOException {
    Optional<Method> entry = entry();
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      Object written = entry.get().invoke(null, List.copyOf(results), outDir);
      List<Path> paths = new ArrayList<>();
      if (written instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Path p) {
            paths.add(p);
          }
        }
      } else if (written instanceof Path p) {
        paths.add(p);
      }
      return Optional.of(paths);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.io.IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("report rendering failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + ENTRY_CLASS + "." + ENTRY_METHOD + ": " + e.getMessage(), e);
    }
  }

  /** Why rendering is unavailable, for messages. */
  public static String unavailableReason() {
    return "the reports module has no renderer entry point yet (" + ENTRY_CLASS + "." + ENTRY_METHOD
        + "(List<Path>, Path)); results.json is complete and can be rendered later with `micronats report`";
  }

  private static Optional<Method> entry() {
    try {
      Class<?> type = Class.forName(ENTRY_CLASS);
      return Optional.of(type.getMethod(ENTRY_METHOD, List.class, Path.class));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
