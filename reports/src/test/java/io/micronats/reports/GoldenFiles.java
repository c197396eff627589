package io.micronats.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under {@code src/test/resources/golden/render}. Run
 * with {@code -Dgolden.update=true} to rewrite the golden files after an intended change (then
 * review the diff).
 */
public final class GoldenFiles {
  private GoldenFiles() {}

  public static void assertMatches(String name, String actual) throws IOException {
    Path source = Path.of("src/test/resources/golden/render").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(source)).as("golden file %s exists (create it with -Dgolden.update=true)", source).isTrue();
    assertThat(actual).isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
  }
}
