package io.micronats.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronats.reports.Fixtures;
import io.micronats.reports.ReportFormat;
import io.micronats.reports.ReportSet;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.TimePoint;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartFixesTest {
  private static final Pattern ROTATED = Pattern.compile(
      "<text class=\"category\" x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*><title>[^<]*</title>([^<]*)</text>");

  @Test
  void aShortLastIntervalIsNotDrawnAndTheCaptionSaysSo() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(Fixtures.text("samples/results-nats-3-nodes.json"));
    ObjectNode tail = json.createObjectNode().put("tMillis", 10150).put("rate", 3).put("p99Micros", 900)
        .put("errors", 0);
    ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("phases").get(0).path("timeSeries")).add(tail);
    RunResult r = ResultsReader.fromJson(json.writeValueAsString(root), "partial.json");
    String html = Fixtures.render(ReportFormat.HTML, ReportSet.of(List.of(Map.entry("p.json", r)), List.of()));
    String original = Fixtures.render(ReportFormat.HTML, ReportSet.of(List.of(Map.entry("p.json",
        Fixtures.THREE_NODES)), List.of()));
    assertThat(throughputChart(html)).as("drawn as if the partial point were absent")
        .isEqualTo(throughputChart(original));
    assertThat(html).contains(Charts.PARTIAL_NOTE);
    assertThat(original).doesNotContain(Charts.PARTIAL_NOTE);
  }

  private static String throughputChart(String html) {
    Matcher m = Pattern.compile("<svg [^>]*aria-label=\"Throughput over time: rpc\">.*?</svg>", Pattern.DOTALL)
        .matcher(html);
    assertThat(m.find()).isTrue();
    return m.group();
  }

  @Test
  void wholeIntervalsDropsOnlyAShorterLastPoint() {
    List<TimePoint> full = List.of(p(1000), p(2000), p(3000), p(4000));
    assertThat(Charts.wholeIntervals(full)).isEqualTo(full);
    List<TimePoint> partial = List.of(p(1000), p(2000), p(3000), p(3120));
    assertThat(Charts.wholeIntervals(partial)).hasSize(3).last().extracting(TimePoint::tMillis).isEqualTo(3000L);
  }

  @Test
  void anErrorsChartOfOnlyZerosIsASentenceNotAnEmptyAxis() {
    String html = HtmlReportRendererTest.single();
    boolean anyLoss = Fixtures.THREE_NODES.phases().stream().anyMatch(p -> p.count("lost") > 0
        || p.count("duplicated") > 0);
    if (!anyLoss) {
      assertThat(html).contains("<p class=\"chart-note\"><b>Loss, duplicates and errors:</b> no errors, loss or"
          + " duplicates").doesNotContain("aria-label=\"Loss, duplicates and errors\"");
    }
    assertThat(Charts.allZero(new double[][] {{0, -1}, {0, 0}})).isTrue();
    assertThat(Charts.allZero(new double[][] {{0, 2}})).isFalse();
    String chart = BarChart.render("t", "count", List.of("a"), List.of("lost"), new double[][] {{0}}, 760, 370);
    assertThat(chart).contains("<text class=\"category\"");
  }

  @Test
  void rotatedCategoryLabelsFitInsideTheChart() {
    String long1 = "rpc-open-10000-with-a-very-long-phase-name-that-would-run-off";
    String svg = BarChart.render("t", "count", List.of(long1, "b", "c"), List.of("lost", "duplicated"),
        new double[][] {{3, 0}, {1, 4}, {0, 0}}, 760, 370);
    Matcher m = ROTATED.matcher(svg);
    int labels = 0;
    while (m.find()) {
      labels++;
      double x = Double.parseDouble(m.group(1));
      double y = Double.parseDouble(m.group(2));
      double w = m.group(3).length() * BarChart.CHAR_WIDTH;
      assertThat(x - w * Math.cos(Math.toRadians(35))).as("left end of %s", m.group(3)).isGreaterThanOrEqualTo(0);
      assertThat(y + w * Math.sin(Math.toRadians(35))).as("bottom of %s", m.group(3)).isLessThanOrEqualTo(370);
    }
    assertThat(labels).isEqualTo(3);
    assertThat(svg).contains("<title>" + long1 + "</title>", "\u2026");
  }

  private static TimePoint p(long t) {
    return new TimePoint(t, 100, 500, 0);
  }
}
