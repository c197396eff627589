package io.micronats.reports.html;

import static io.micronats.reports.html.Svg.esc;
import static io.micronats.reports.html.Svg.n;

import io.micronats.reports.analysis.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written SVG grouped bar chart on a log axis: one group per category, one bar per key,
 * each non-zero bar labelled with its value and zeros written as "0" on the base line.
 *
 * <p>Stateless and thread-safe; deterministic output.
 */
final class BarChart {
  private static final int BOTTOM = 96;
  /** How far below the base line a category label starts. */
  private static final int LABEL_DROP = 12;
  /** A generous width of one character at font size 10 (Chromium's sans-serif is narrower). */
  static final double CHAR_WIDTH = 6.2;
  private static final double COS = Math.cos(Math.toRadians(35));
  private static final double SIN = Math.sin(Math.toRadians(35));

  private BarChart() {}

  /**
   * {@code label}, shortened with an ellipsis (the full text stays in the label's tooltip) so that,
   * rotated by 35 degrees and ending at {@code x}, it reaches neither past the left edge nor more
   * than {@code below} pixels down.
   */
  static String fitted(String label, double x, double below) {
    int max = (int) Math.floor(Math.min((x - 2) / COS, below / SIN) / CHAR_WIDTH);
    if (label.length() <= max) {
      return label;
    }
    return max <= 1 ? "\u2026" : label.substring(0, max - 1) + "\u2026";
  }

  /**
   * Renders the chart.
   *
   * @param values {@code values[category][key]}, counts (negative means absent)
   */
  static String render(String title, String yTitle, List<String> categories, List<String> keys,
      double[][] values, int width, int height) {
    double max = 1;
    for (double[] row : values) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    Axis y = Axis.log(yTitle, 1, max, Format::tick);
    List<LineChart.Series> legend = new ArrayList<>();
    keys.forEach(k -> legend.add(new LineChart.Series(k, List.of())));
    int legendRows = LineChart.legendRows(legend, width);
    int total = height + legendRows * LineChart.LEGEND_ROW + 6;
    double x0 = LineChart.LEFT;
    double x1 = width - LineChart.RIGHT;
    double y0 = height - BOTTOM;
    double y1 = LineChart.TOP;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
        .append(total).append("\" width=\"").append(width).append("\" height=\"").append(total)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n<title>").append(esc(title))
        .append("</title>\n<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(total)
        .append("\" fill=\"#ffffff\"/>\n");
    Axis none = Axis.fixed("", 0, 1, List.of(), v -> "");
    LineChart.grid(s, none, y, x0, x1, y0, y1);
    double group = (x1 - x0) / Math.max(1, categories.size());
    double bar = group * 0.8 / Math.max(1, keys.size());
    s.append("<g class=\"bars\" font-size=\"9\">\n");
    for (int c = 0; c < categories.size(); c++) {
      double gx = x0 + c * group + group * 0.1;
      for (int k = 0; k < keys.size(); k++) {
        double v = values[c][k];
        if (v < 0) {
          continue;
        }
        double bx = gx + k * bar;
        if (v >= 1) {
          double top = y.map(v, y0, y1);
          s.append("<rect x=\"").append(n(bx)).append("\" y=\"").append(n(top)).append("\" width=\"")
              .append(n(Math.max(bar - 1, 1))).append("\" height=\"").append(n(Math.max(y0 - top, 1)))
              .append("\" fill=\"").append(Svg.color(k)).append("\"><title>").append(esc(categories.get(c) + " "
                  + keys.get(k) + ": " + Format.count(v))).append("</title></rect>");
        }
        double ly = v >= 1 ? y.map(v, y0, y1) - 3 : y0 - 3;
        s.append("<text x=\"").append(n(bx + bar / 2)).append("\" y=\"").append(n(ly))
            .append("\" text-anchor=\"middle\" fill=\"#222\">").append(esc(Format.count(v))).append("</text>");
      }
      double cx = x0 + c * group + group / 2;
      String label = fitted(categories.get(c), cx, BOTTOM - LABEL_DROP - 4);
      s.append("<text class=\"category\" x=\"").append(n(cx)).append("\" y=\"").append(n(y0 + LABEL_DROP))
          .append("\" text-anchor=\"end\" font-size=\"10\" transform=\"rotate(-35 ").append(n(cx)).append(' ')
          .append(n(y0 + LABEL_DROP)).append(")\"><title>").append(esc(categories.get(c))).append("</title>")
          .append(esc(label)).append("</text>\n");
    }
    s.append("</g>\n");
    LineChart.legend(s, legend, width, height, true);
    s.append("</svg>\n");
    return s.toString();
  }
}
