package io.micronats.tck.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Puts the plugin's name into the runner's JUnit XML, so that CI can tell the runs of two plugins
 * apart: the file becomes {@code TEST-micronats-tck-PLUGIN.xml}, the suite
 * {@code micronats TCK: PLUGIN} and every class {@code micronats.tck.PLUGIN.Group} (the JUnit
 * Platform names them after the runner's own class, the same for every plugin). Stateless.
 */
final class JUnitXmlNames {
  private static final String RUNNER_CLASS = "io.micronats.tck.MicronatsTck$";

  private JUnitXmlNames() {}

  /** Rewrites the XML files in {@code dir}; returns the files written. */
  static List<Path> apply(Path dir, String plugin) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String safe = plugin.replaceAll("[^A-Za-z0-9_.-]", "_");
    try (var files = Files.list(dir)) {
      List<Path> xml = files.filter(p -> p.getFileName().toString().matches("TEST-junit-jupiter\\.xml")).toList();
      List<Path> written = new java.util.ArrayList<>();
      for (Path f : xml) {
        String text = Files.readString(f, StandardCharsets.UTF_8)
            .replaceFirst("<testsuite name=\"JUnit Jupiter\"",
                Matcher.quoteReplacement("<testsuite name=\"micronats TCK: " + escape(plugin) + "\""))
            .replace("classname=\"" + RUNNER_CLASS, "classname=\"micronats.tck." + safe + ".");
        Path to = dir.resolve("TEST-micronats-tck-" + safe + ".xml");
        Files.writeString(to, text, StandardCharsets.UTF_8);
        Files.delete(f);
        written.add(to);
      }
      return written;
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
