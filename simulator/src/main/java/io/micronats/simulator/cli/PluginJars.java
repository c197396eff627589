package io.micronats.simulator.cli;

import io.micronats.simulator.scenario.ScenarioException;
import io.micronats.spi.plugin.BrokerProvider;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.plugin.TransportProvider;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Plugin jars given with {@code --jar}, and the check that a scenario's implementation names a
 * plugin that is there. Stateless.
 *
 * <p>The {@code ./micronats} launcher also puts {@code --jar} files on the JVM's class path, so
 * every thread finds them; this class adds them to the context class loader for runs that start
 * the CLI another way (tests, an IDE).
 */
final class PluginJars {
  private PluginJars() {}

  /**
   * Makes {@code jars} visible to {@link Plugins} on this thread (and the threads it starts).
   *
   * @throws IllegalArgumentException naming a jar that is not a readable file
   */
  static void install(List<Path> jars) {
    if (jars.isEmpty()) {
      return;
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
        throw new IllegalArgumentException("--jar " + jar + ": no such file (relative paths are read from "
            + Path.of("").toAbsolutePath() + ")");
      }
      try {
        urls.add(jar.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--jar " + jar + ": " + e.getMessage(), e);
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader parent = thread.getContextClassLoader() != null ? thread.getContextClassLoader()
        : PluginJars.class.getClassLoader();
    thread.setContextClassLoader(new URLClassLoader(urls.toArray(URL[]::new), parent));
  }

  /** The names of every transport, broker and registry plugin visible now, sorted. */
  static SortedSet<String> available() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    TreeSet<String> names = new TreeSet<>();
    Plugins.providers(TransportProvider.class, loader).forEach(p -> names.add(p.name()));
    Plugins.providers(BrokerProvider.class, loader).forEach(p -> names.add(p.name()));
    Plugins.providers(RegistryProvider.class, loader).forEach(p -> names.add(p.name()));
    return names;
  }

  /**
   * Fails, once and before anything starts, when no plugin is named {@code implementation}.
   *
   * @throws ScenarioException listing the plugins there are and how to add one
   */
  static void requirePlugin(String implementation) {
    SortedSet<String> names = available();
    if (!names.contains(implementation)) {
      throw new ScenarioException("implementation", "no plugin named '" + implementation + "' on the class path; "
          + "available: " + names + " (add a plugin's jar with --jar PLUGIN.jar)");
    }
  }
}
