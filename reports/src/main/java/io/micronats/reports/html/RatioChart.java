package io.micronats.reports.html;

import static io.micronats.reports.html.Svg.esc;

import io.micronats.reports.analysis.Format;
import io.micronats.reports.bench.BenchDocument;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars of ratios (ours / raw) on a linear axis from 0 with a line at 1 (= raw); bars in
 * ours' favour green, against it orange. The label column is as wide as the longest label, so
 * labels are never clipped.
 *
 * <p>Stateless and thread-safe; deterministic.
 */
final class RatioChart {
  private static final int ROW = 20;
  private static final int TOP = 28;
  private static final int BOTTOM = 34;
  private static final double CHAR = 6.6;

  private RatioChart() {}

  static String render(String title, List<BenchDocument.Ratio> ratios, int width) {
    int longest = ratios.stream().mapToInt(r -> r.label().length()).max().orElse(4);
    double x0 = Math.min(width / 2.0, 12 + longest * CHAR);
    double x1 = width - 56;
    double max = Math.max(1.2, ratios.stream().mapToDouble(BenchDocument.Ratio::ratio).filter(Double::isFinite)
        .max().orElse(1) * 1.05);
    int height = TOP + ratios.size() * ROW + BOTTOM;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n<title>").append(esc(title))
        .append("</title>\n<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" fill=\"#ffffff\"/>\n<g class=\"bars\" font-size=\"11\">\n");
    for (int i = 0; i < ratios.size(); i++) {
      BenchDocument.Ratio r = ratios.get(i);
      double y = TOP + i * ROW;
      double w = Math.max(1, (x1 - x0) * Math.min(r.ratio(), max) / max);
      boolean good = r.higherIsBetter() ? r.ratio() >= 1 : r.ratio() <= 1;
      s.append("<text x=\"").append(n(x0 - 6)).append("\" y=\"").append(n(y + 13))
          .append("\" text-anchor=\"end\" fill=\"#222\">").append(esc(r.label())).append("</text>")
          .append("<rect x=\"").append(n(x0)).append("\" y=\"").append(n(y + 3)).append("\" width=\"").append(n(w))
          .append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(good ? "#009E73" : "#E69F00")
          .append("\"><title>").append(esc(r.label() + ": " + Format.ratio(r.ratio()))).append("</title></rect>")
          .append("<text x=\"").append(n(x0 + w + 4)).append("\" y=\"").append(n(y + 13)).append("\" fill=\"#222\">")
          .append(esc(Format.ratio(r.ratio()))).append("</text>\n");
    }
    double one = x0 + (x1 - x0) / max;
    double yEnd = TOP + ratios.size() * ROW;
    s.append("</g>\n<line x1=\"").append(n(one)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(n(one))
        .append("\" y2=\"").append(n(yEnd + 4)).append("\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>\n")
        .append("<text x=\"").append(n(one)).append("\" y=\"").append(TOP - 8)
        .append("\" text-anchor=\"middle\" font-size=\"11\">1\u00d7 = raw</text>\n")
        .append("<text x=\"").append(n((x0 + x1) / 2)).append("\" y=\"").append(n(yEnd + 24))
        .append("\" text-anchor=\"middle\" font-size=\"11\">ours / raw (green: in micronats' favour)</text>\n</svg>\n");
    return s.toString();
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
