package io.micronats.tck;

import io.micronats.spi.plugin.BrokerProvider;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.plugin.TransportProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The superclass of {@link MicronatsTck} that makes a wrong test setup fail loudly instead of
 * passing with no rule run: an old Maven Surefire that does not run JUnit 5 at all, JUnit jars of
 * mixed versions on the test class path, a JUnit older than {@value #MINIMUM_JUPITER}, or a
 * {@link #target()} that cannot be built (a wrong plugin name fails one test, listing the plugins
 * there are, and skips the others instead of failing every rule the same way).
 *
 * <p>Each failure names the fix (see the README's "Verify your plugin" section). Stateless; what
 * it learns about {@link #target()} lives in the engine run's root store.
 */
@ExtendWith(TckSetupCheck.TargetCheck.class)
public abstract class TckSetupCheck {

  /** The oldest JUnit Jupiter the TCK is tested on. */
  public static final String MINIMUM_JUPITER = "5.10";

  /** For subclasses. */
  protected TckSetupCheck() {}

  /** The implementation under test. */
  protected abstract TckTarget target();

  /**
   * Runs before every rule: the first rule of a class whose {@link #target()} throws fails with
   * the reason and the available plugins; the later ones of that engine run are skipped, pointing
   * at that failure. A {@link TestAbortedException} from {@code target()} passes through.
   */
  static final class TargetCheck implements BeforeEachCallback {
    /** Used by JUnit. */
    TargetCheck() {}

    @Override
    public void beforeEach(ExtensionContext context) {
      TckSetupCheck tck = context.getRequiredTestInstances().getAllInstances().stream()
          .filter(TckSetupCheck.class::isInstance).map(TckSetupCheck.class::cast).findFirst().orElse(null);
      if (tck == null) {
        return;
      }
      Class<?> type = tck.getClass();
      ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(TargetCheck.class, type));
      String earlier = store.get("failure", String.class);
      if (earlier != null) {
        throw new TestAbortedException("not run: " + type.getSimpleName() + ".target() failed (see the one failed test): "
            + earlier);
      }
      if (store.get("ok") != null) {
        return;
      }
      try {
        tck.target();
        store.put("ok", true);
      } catch (TestAbortedException e) {
        throw e;
      } catch (RuntimeException | Error e) {
        String why = e.getMessage() + "; available plugins: " + availablePlugins();
        store.put("failure", why);
        throw new AssertionError(type.getSimpleName() + ".target() cannot build the implementation under test: " + why, e);
      }
    }
  }

  /** Every transport, broker and registry plugin name on the context class path, sorted. */
  public static Set<String> availablePlugins() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : TckSetupCheck.class.getClassLoader();
    TreeSet<String> names = new TreeSet<>();
    Plugins.providers(TransportProvider.class, loader).forEach(p -> names.add(p.name()));
    Plugins.providers(BrokerProvider.class, loader).forEach(p -> names.add(p.name()));
    Plugins.providers(RegistryProvider.class, loader).forEach(p -> names.add(p.name()));
    return names;
  }

  private static final String FIX = "Fix: import the JUnit BOM (org.junit:junit-bom, <type>pom</type> <scope>import</scope>) "
      + "in <dependencyManagement> and use maven-surefire-plugin 3.0 or newer; the README section "
      + "'Verify your plugin' has the complete pom snippet.";

  /**
   * Never run by the JUnit Platform (it has no {@code @Test}); Maven Surefire 2.x, which does not
   * know JUnit 5 and runs public {@code test*} methods of public classes as plain tests, does
   * run it, and so fails the build instead of reporting "Tests run: 0".
   *
   * @throws AssertionError always
   */
  public void testMicronatsTckNeedsTheJUnitPlatform() {
    throw new AssertionError("The micronats TCK was started by a test runner that does not know JUnit 5 "
        + "(Maven Surefire 2.x runs no JUnit 5 test and reports success): no rule was verified. " + FIX);
  }

  /**
   * Fails the whole TCK once, before any rule, when the JUnit jars on the class path disagree in
   * version or are older than {@value #MINIMUM_JUPITER}.
   */
  @BeforeAll
  static void micronatsTckRunsOnAConsistentJUnit() {
    problem(versions()).ifPresent(p -> {
      throw new AssertionError("The micronats TCK cannot run on this JUnit setup: " + p + ". " + FIX);
    });
  }

  /** The versions of the JUnit jars present, by artifact id. */
  static Map<String, String> versions() {
    Map<String, String> found = new LinkedHashMap<>();
    version("junit-jupiter-api", "org.junit.jupiter.api.Test", found);
    version("junit-jupiter-engine", "org.junit.jupiter.engine.JupiterTestEngine", found);
    version("junit-platform-commons", "org.junit.platform.commons.util.ReflectionUtils", found);
    version("junit-platform-engine", "org.junit.platform.engine.TestEngine", found);
    version("junit-platform-launcher", "org.junit.platform.launcher.Launcher", found);
    return found;
  }

  /**
   * What is wrong with these versions (artifact id to version), if anything: Jupiter jars must
   * agree, Platform jars must agree, the Platform must match Jupiter (5.M.P with 1.M.P, 6 with 6),
   * and Jupiter must be {@value #MINIMUM_JUPITER} or newer.
   */
  static Optional<String> problem(Map<String, String> versions) {
    String api = versions.get("junit-jupiter-api");
    String engine = versions.get("junit-jupiter-engine");
    if (api != null && engine != null && !api.equals(engine)) {
      return Optional.of("junit-jupiter-api " + api + " with junit-jupiter-engine " + engine + " (mixed versions: " + versions + ")");
    }
    String platform = null;
    for (String id : new String[] {"junit-platform-commons", "junit-platform-engine", "junit-platform-launcher"}) {
      String v = versions.get(id);
      if (v == null) {
        continue;
      }
      if (platform != null && !platform.equals(v)) {
        return Optional.of("JUnit Platform jars of mixed versions: " + versions);
      }
      platform = v;
    }
    if (api != null && platform != null && !platformFor(api).equals(platform)) {
      return Optional.of("junit-jupiter-api " + api + " needs JUnit Platform " + platformFor(api) + ", found " + platform
          + " (mixed versions: " + versions + ")");
    }
    if (api != null && olderThanMinimum(api)) {
      return Optional.of("JUnit Jupiter " + api + " is older than " + MINIMUM_JUPITER + ", the oldest the TCK supports");
    }
    return Optional.empty();
  }

  private static String platformFor(String jupiter) {
    return jupiter.startsWith("5.") ? "1." + jupiter.substring(2) : jupiter;
  }

  private static boolean olderThanMinimum(String jupiter) {
    String[] parts = jupiter.split("[.-]", -1);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major < 5 || (major == 5 && minor < 10);
    } catch (NumberFormatException e) {
      return false;  // a version we cannot read (a snapshot build): let it run
    }
  }

  private static void version(String artifact, String className, Map<String, String> into) {
    try {
      Class<?> type = Class.forName(className, false, TckSetupCheck.class.getClassLoader());
      Package p = type.getPackage();
      String v = p == null ? null : p.getImplementationVersion();
      if (v != null) {
        into.put(artifact, v);
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // absent jar: nothing to compare (the launcher, for one, is only there when a runner brings it)
    }
  }
}
