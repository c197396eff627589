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
 * SEVERE entries; saves viewport screenshots (1280x1000, top of the page) under the build directory
 * ({@code browser-report/*.png}). A screenshot is evidence, not a check: on a loaded machine the
 * renderer may not answer in time, so it is retried a bounded number of times and a screenshot that
 * still fails is logged as a warning; the chart, resource and console checks always fail hard. Skips, saying why, where Chromium or chromedriver is missing
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

  private static final int SCREENSHOT_ATTEMPTS = 3;

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
    browser.timeouts(120_000, 120_000);
    browser.windowSize(1280, 1000);
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
  void faultMarkersAndTheFaultSectionRender() throws Exception {
    Path page = Reports.write(List.of(Fixtures.path("samples/results-failover-faults.json")), outDir.resolve("faults")).get(0);
    List<JsonNode> charts = open(page, "faults.png");
    assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
    JsonNode markers = browser.execute("""
        return Array.from(document.querySelectorAll('svg.chart g.markers line.fault')).map(function (l) {
          return l.getBBox().height; });""");
    assertThat(markers.size()).as("fault markers on the rpc and broker time charts").isEqualTo(4);
    markers.forEach(h -> assertThat(h.asDouble()).as("marker height").isGreaterThan(100));
    assertThat(browser.execute("return document.querySelectorAll('#faults-1 ~ .table table').length;").asInt())
        .isGreaterThanOrEqualTo(3);
    browser.execute("document.querySelector('g.markers').closest('figure').scrollIntoView(); return 0;");
    saveScreenshot("faults-chart.png");
    browser.execute("document.getElementById('faults-1').scrollIntoView(); return 0;");
    saveScreenshot("faults-tables.png");
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
    assertThat(browser.execute("return document.documentElement.scrollWidth;").asInt())
        .as("page width at a 1280 px window (no horizontal overflow)").isLessThanOrEqualTo(1280);
    JsonNode headline = browser.execute("""
        var h = document.getElementById('headline'); if (!h) { return null; }
        var r = h.getBoundingClientRect(); return {top: r.top, bottom: r.bottom};""");
    assertThat(headline.isObject()).as("the page has a headline block").isTrue();
    assertThat(headline.path("bottom").asDouble()).as("headline block within the first 1280x900 screen")
        .isLessThanOrEqualTo(900);
    saveScreenshot(screenshot);
    return charts;
  }

  /**
   * Saves a viewport screenshot, trying up to {@value #SCREENSHOT_ATTEMPTS} times; a screenshot
   * that still fails is a warning on stderr, and a saved one must hold a real picture.
   */
  private static void saveScreenshot(String name) throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    Path png = outDir.resolve(name);
    IOException last = null;
    for (int attempt = 1; attempt <= SCREENSHOT_ATTEMPTS; attempt++) {
      try {
        Files.write(png, browser.screenshot());
        assertThat(Files.size(png)).as("size of screenshot %s", png).isGreaterThan(10_000);
        return;
      } catch (IOException e) {
        last = e;
        System.err.println("WARNING: screenshot " + name + " attempt " + attempt + " of " + SCREENSHOT_ATTEMPTS
            + " failed: " + e.getMessage());
      }
    }
    System.err.println("WARNING: no screenshot " + name + " saved after " + SCREENSHOT_ATTEMPTS
        + " attempts (the renderer did not answer in time); the chart checks passed. Last error: "
        + (last == null ? "none" : last.getMessage()));
  }
}
