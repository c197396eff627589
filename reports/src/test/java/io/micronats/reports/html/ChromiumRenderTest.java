package io.micronats.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronats.reports.Fixtures;
import io.micronats.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium through chromedriver and checks that every chart
 * is laid out with a size and drawn content, that nothing was fetched, and that the console has no
 * SEVERE entries; saves full-page screenshots under the build directory
 * ({@code browser-report/*.png}). Skips, saying why, where Chromium or chromedriver is missing
 * (Debian packages {@code chromium} and {@code chromium-driver}); {@code -Dmicronats.chromium=PATH} and
 * {@code -Dmicronats.chromedriver=PATH} point elsewhere.
 */
@Timeout(300)
class ChromiumRenderTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("micronats.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("micronats.chromedriver", "/usr/bin/chromedriver"));
  private static final String SVG_SIZES = """
      return Array.from(document.querySelectorAll('svg.chart')).map(function (s) {
        var r = s.getBoundingClientRect();
        var drawn = Array.from(s.querySelectorAll('polyline, g.bars rect')).filter(function (e) {
          var b = e.getBBox(); return b.width > 0 || b.height > 0; }).length;
        return {title: s.getAttribute('aria-label'), width: r.width, height: r.height, drawn: drawn};
      });""";

  @TempDir
  static Path profile;
  private static WebDriverClient browser;
  private static Path outDir;

  @BeforeAll
  static void startBrowser() throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    outDir = Path.of(System.getProperty("micronats.build.directory", "target")).resolve("browser-report").toAbsolutePath();
    browser = WebDriverClient.start(CHROMEDRIVER);
    browser.newSession(CHROMIUM, List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--window-size=1280,1000", "--user-data-dir=" + profile.resolve("chromium")));
  }

  @BeforeEach
  void needsTheBrowser() {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is missing (apt-get install chromium)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "skipped: " + CHROMEDRIVER + " is missing (apt-get install chromium-driver)");
    assumeTrue(browser != null, "skipped: the browser session did not start");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aSingleResultRendersEveryChart() throws Exception {
    Path page = Reports.write(List.of(Fixtures.path("samples/results-nats-3-nodes.json")), outDir.resolve("single")).get(0);
    List<JsonNode> charts = open(page, "single.png");
    assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aComparisonWithTckReportsRendersEveryChart() throws Exception {
    Path page = Reports.write(List.of(Fixtures.path("samples/results-nats-3-nodes.json"),
        Fixtures.path("samples/results-nats-1-node.json"), Fixtures.path("samples/tck-memory.json"),
        Fixtures.path("samples/tck-nats.json")), outDir.resolve("comparison")).get(0);
    List<JsonNode> charts = open(page, "comparison.png");
    assertThat(charts).hasSizeGreaterThanOrEqualTo(8);
    assertThat(browser.execute("return document.querySelectorAll('td.bad').length;").asInt()).isPositive();
  }

  @Test
  void theConsoleCheckSeesErrors() throws Exception {
    browser.navigate("data:text/html,<script>console.error('deliberate error')</script>");
    assertThat(browser.browserLog()).anySatisfy(e -> {
      assertThat(e.path("level").asText()).isEqualTo("SEVERE");
      assertThat(e.path("message").asText()).contains("deliberate error");
    });
  }

  /** Loads the page, checks charts, resources and console, saves a screenshot; returns the charts. */
  private static List<JsonNode> open(Path page, String screenshot) throws Exception {
    browser.browserLog();
    browser.navigate(page.toUri().toString());
    JsonNode sizes = browser.execute(SVG_SIZES);
    List<JsonNode> charts = new java.util.ArrayList<>();
    sizes.forEach(charts::add);
    assertThat(charts).allSatisfy(c -> {
      assertThat(c.path("width").asDouble()).as("width of %s", c.path("title").asText()).isGreaterThan(100);
      assertThat(c.path("height").asDouble()).as("height of %s", c.path("title").asText()).isGreaterThan(100);
      assertThat(c.path("drawn").asInt()).as("drawn marks of %s", c.path("title").asText()).isPositive();
    });
    assertThat(browser.execute("return performance.getEntriesByType('resource').length;").asInt())
        .as("resources fetched by the page").isZero();
    assertThat(browser.browserLog()).noneMatch(e -> "SEVERE".equals(e.path("level").asText()));
    int height = browser.execute("return document.documentElement.scrollHeight;").asInt();
    browser.windowSize(1280, Math.min(Math.max(height, 1000), 16_000));
    Files.createDirectories(outDir);
    Path png = outDir.resolve(screenshot);
    Files.write(png, browser.screenshot());
    assertThat(Files.size(png)).isGreaterThan(10_000);
    return charts;
  }
}
