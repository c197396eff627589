package io.micronats.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator's packages form a staircase (docs/simulator-architecture.md): every arrow between
 * two packages, as {@code jdeps} reads it from the compiled classes, goes down a rung, so there is
 * no package cycle; and no project class is written fully qualified where an import would do, so
 * the imports show every arrow.
 */
class StaircaseTest {

  /** The rung of each package: arrows go from a higher rung to a lower one only. */
  static final Map<String, Integer> RUNGS = Map.ofEntries(
      Map.entry("cli", 6),
      Map.entry("run", 5),
      Map.entry("agent", 4), Map.entry("baseline", 4), Map.entry("fault", 4),
      Map.entry("workload", 3),
      Map.entry("fleet", 2), Map.entry("load", 2), Map.entry("cluster", 2),
      Map.entry("scenario", 1), Map.entry("measure", 1), Map.entry("console", 1), Map.entry("jmh", 1));

  private static final Pattern ARROW = Pattern.compile(
      "^\\s*io\\.micronats\\.simulator\\.([\\w.]+)\\s+->\\s+io\\.micronats\\.simulator\\.([\\w.]+)\\s", Pattern.MULTILINE);

  @Test
  void everyPackageArrowGoesDownTheStaircase() {
    Map<String, Set<String>> arrows = packageArrows();
    assertThat(arrows).as("jdeps found the simulator's packages").containsKeys("cli", "run", "workload");
    List<String> upOrLevel = new ArrayList<>();
    arrows.forEach((from, tos) -> tos.forEach(to -> {
      Integer a = RUNGS.get(from);
      Integer b = RUNGS.get(to);
      if (a == null || b == null || a <= b) {
        upOrLevel.add(from + " (rung " + a + ") -> " + to + " (rung " + b + ")");
      }
    }));
    assertThat(upOrLevel).as("arrows that do not go down a rung (a new package needs a rung in RUNGS)").isEmpty();
  }

  @Test
  void noPackageCycle() {
    Map<String, Set<String>> arrows = packageArrows();
    List<String> cycles = new ArrayList<>();
    for (String start : arrows.keySet()) {
      if (reaches(arrows, start, start, new TreeSet<>())) {
        cycles.add(start);
      }
    }
    assertThat(cycles).as("packages on a cycle").isEmpty();
  }

  @Test
  void noProjectClassWrittenFullyQualifiedWhereAnImportWouldDo() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    Map<String, Set<String>> classesByPackage = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(main)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) {
      classesByPackage.computeIfAbsent(packageOf(Files.readString(f)), k -> new TreeSet<>())
          .add(f.getFileName().toString().replace(".java", ""));
    }
    List<String> found = new ArrayList<>();
    Pattern fqn = Pattern.compile("(?<![\\w.])(io\\.micronats(?:\\.[a-z_][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    Pattern imp = Pattern.compile("^import ([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);
    for (Path f : files) {
      String src = Files.readString(f);
      String pkg = packageOf(src);
      Map<String, String> taken = new HashMap<>();
      Matcher im = imp.matcher(src);
      while (im.find()) {
        taken.put(im.group(2), im.group(1));
      }
      classesByPackage.getOrDefault(pkg, Set.of()).forEach(c -> taken.putIfAbsent(c, pkg));
      String code = withoutCommentsAndStrings(src).replaceAll("(?m)^\\s*(import|package) [^\\n]*", "");
      Matcher m = fqn.matcher(code);
      while (m.find()) {
        String other = taken.get(m.group(2));
        if (other == null || other.equals(m.group(1))) { // an import would do: the simple name is free
          found.add(main.relativize(f) + ": " + m.group());
        }
      }
    }
    assertThat(found).as("fully qualified project classes (import them)").isEmpty();
  }

  /** Package-to-package arrows inside the simulator, from jdeps over the compiled main classes. */
  static Map<String, Set<String>> packageArrows() {
    Path classes = Path.of("target/classes");
    assertThat(classes).as("compiled main classes").isDirectory();
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
        "-e", "io\\.micronats\\.simulator\\..*", classes.toString());
    assertThat(rc).as("jdeps exit code; stderr: " + err).isZero();
    Map<String, Set<String>> arrows = new HashMap<>();
    Matcher m = ARROW.matcher(out.toString());
    while (m.find()) {
      String from = rung(m.group(1));
      String to = rung(m.group(2));
      if (!from.equals(to)) {
        arrows.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
      }
      arrows.computeIfAbsent(to, k -> new TreeSet<>());
    }
    return arrows;
  }

  /** The top-level simulator package of {@code pkg} (generated JMH code belongs to {@code jmh}). */
  private static String rung(String pkg) {
    int dot = pkg.indexOf('.');
    return dot < 0 ? pkg : pkg.substring(0, dot);
  }

  private static boolean reaches(Map<String, Set<String>> arrows, String from, String target, Set<String> seen) {
    for (String next : arrows.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(arrows, next, target, seen))) {
        return true;
      }
    }
    return false;
  }

  private static String packageOf(String src) {
    Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(src);
    return m.find() ? m.group(1) : "";
  }

  private static String withoutCommentsAndStrings(String src) {
    return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
        .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"");
  }

}
