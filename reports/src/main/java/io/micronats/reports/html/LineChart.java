package io.micronats.reports.html;

import static io.micronats.reports.html.Svg.esc;
import static io.micronats.reports.html.Svg.n;

import java.util.List;

/**
 * A hand-written SVG line chart: grid, ticks, axis titles, one polyline per series with point
 * markers and min..max whiskers, and a legend under the plot.
 *
 * <p>Stateless and thread-safe; deterministic output.
 */
final class LineChart {
  static final int LEFT = 76;
  static final int RIGHT = 40;
  static final int TOP = 14;
  static final int BOTTOM = 46;
  static final int LEGEND_ROW = 17;

  private LineChart() {}

  /** One point; {@code lo..hi} is the whisker (equal to {@code y} for none). */
  record Point(double x, double y, double lo, double hi) {
    static Point of(double x, double y) {
      return new Point(x, y, y, y);
    }
  }

  /**
   * A named line; {@code color} and {@code dash} pick the palette entry and dash pattern, -1 for
   * "by position".
   */
  record Series(String name, List<Point> points, int color, int dash) {
    Series(String name, List<Point> points) {
      this(name, points, -1, -1);
    }

    String stroke(int index) {
      return Svg.color(color >= 0 ? color : index);
    }

    String dashes(int index) {
      return dash >= 0 ? Svg.DASHES.get(dash % Svg.DASHES.size()) : Svg.dash(index);
    }
  }

  /** Two legend columns, or one when a name would not fit in half the width (about 6 px a character). */
  static int columns(List<Series> series, int width) {
    int longest = series.stream().mapToInt(x -> x.name().length()).max().orElse(0);
    return (longest * 6.2 + 34) > (width - LEFT) / 2.0 ? 1 : 2;
  }

  /** Rows the legend needs. */
  static int legendRows(List<Series> series, int width) {
    int columns = columns(series, width);
    return (series.size() + columns - 1) / columns;
  }

  /**
   * A vertical event marker at {@code x} with a short {@code label}; {@code until} (or NaN) ends a
   * lightly shaded span, such as a fault's recovery.
   */
  record Marker(double x, double until, String label) {}

  static String render(String title, Axis x, Axis y, List<Series> series, int width, int height) {
    return render(title, x, y, series, List.of(), width, height);
  }

  static String render(String title, Axis x, Axis y, List<Series> series, List<Marker> markers, int width,
      int height) {
    int legendRows = legendRows(series, width);
    int total = height + legendRows * LEGEND_ROW + 6;
    double x0 = LEFT;
    double x1 = width - RIGHT;
    double y0 = height - BOTTOM;
    double y1 = TOP;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
        .append(total).append("\" width=\"").append(width).append("\" height=\"").append(total)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
    s.append("<title>").append(esc(title)).append("</title>\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(total)
        .append("\" fill=\"#ffffff\"/>\n");
    grid(s, x, y, x0, x1, y0, y1);
    markers(s, markers, x, x0, x1, y0, y1);
    for (int i = 0; i < series.size(); i++) {
      line(s, series.get(i), i, x, y, x0, x1, y0, y1);
    }
    legend(s, series, width, height);
    s.append("</svg>\n");
    return s.toString();
  }

  static void grid(StringBuilder s, Axis x, Axis y, double x0, double x1, double y0, double y1) {
    s.append("<g class=\"grid\" font-size=\"11\" fill=\"#333\">\n");
    for (double t : y.ticks()) {
      double py = y.map(t, y0, y1);
      s.append("<line x1=\"").append(n(x0)).append("\" y1=\"").append(n(py)).append("\" x2=\"").append(n(x1))
          .append("\" y2=\"").append(n(py)).append("\" stroke=\"#dddddd\"/>");
      s.append("<text x=\"").append(n(x0 - 6)).append("\" y=\"").append(n(py + 4))
          .append("\" text-anchor=\"end\">").append(esc(y.label(t))).append("</text>\n");
    }
    List<Double> xt = x.ticks();
    double spacing = xt.size() < 2 ? Double.MAX_VALUE : Math.abs(x.map(xt.get(1), x0, x1) - x.map(xt.get(0), x0, x1));
    int every = spacing >= 62 ? 1 : (int) Math.ceil(62 / Math.max(spacing, 1));
    for (int i = 0; i < xt.size(); i++) {
      double t = xt.get(i);
      double px = x.map(t, x0, x1);
      s.append("<line x1=\"").append(n(px)).append("\" y1=\"").append(n(y0)).append("\" x2=\"").append(n(px))
          .append("\" y2=\"").append(n(y1)).append("\" stroke=\"#eeeeee\"/>");
      if (i % every == 0) {
        s.append("<text x=\"").append(n(px)).append("\" y=\"").append(n(y0 + 15))
            .append("\" text-anchor=\"middle\">").append(esc(x.label(t))).append("</text>");
      }
      s.append('\n');
    }
    s.append("<rect x=\"").append(n(x0)).append("\" y=\"").append(n(y1)).append("\" width=\"").append(n(x1 - x0))
        .append("\" height=\"").append(n(y0 - y1)).append("\" fill=\"none\" stroke=\"#888888\"/>\n");
    s.append("<text x=\"").append(n((x0 + x1) / 2)).append("\" y=\"").append(n(y0 + 34))
        .append("\" text-anchor=\"middle\" font-size=\"12\">").append(esc(x.title() + (x.isLog() ? " (log)" : "")))
        .append("</text>\n");
    double cy = (y0 + y1) / 2;
    s.append("<text x=\"14\" y=\"").append(n(cy)).append("\" transform=\"rotate(-90 14 ").append(n(cy))
        .append(")\" text-anchor=\"middle\" font-size=\"12\">").append(esc(y.title() + (y.isLog() ? " (log)" : "")))
        .append("</text>\n</g>\n");
  }

  /** Fault markers: a dashed vertical line, a shaded span to recovery, a label at the top. */
  static void markers(StringBuilder s, List<Marker> markers, Axis x, double x0, double x1, double y0, double y1) {
    if (markers.isEmpty()) {
      return;
    }
    s.append("<g class=\"markers\" font-size=\"11\">\n");
    for (int i = 0; i < markers.size(); i++) {
      Marker m = markers.get(i);
      if (!x.accepts(m.x())) {
        continue;
      }
      double px = Math.min(Math.max(x.map(m.x(), x0, x1), x0), x1);
      if (Double.isFinite(m.until()) && m.until() > m.x() && x.accepts(m.until())) {
        double pu = Math.min(x.map(m.until(), x0, x1), x1);
        s.append("<rect class=\"recovery\" x=\"").append(n(px)).append("\" y=\"").append(n(y1))
            .append("\" width=\"").append(n(Math.max(pu - px, 0))).append("\" height=\"").append(n(y0 - y1))
            .append("\" fill=\"#D55E00\" fill-opacity=\"0.08\"/>");
      }
      s.append("<line class=\"fault\" x1=\"").append(n(px)).append("\" y1=\"").append(n(y0)).append("\" x2=\"")
          .append(n(px)).append("\" y2=\"").append(n(y1)).append("\" stroke=\"#D55E00\" stroke-width=\"1.6\"")
          .append(" stroke-dasharray=\"5 3\"><title>").append(esc(m.label())).append("</title></line>");
      boolean right = px > (x0 + x1) / 2;
      s.append("<text x=\"").append(n(right ? px - 4 : px + 4)).append("\" y=\"").append(n(y1 + 12 + 13 * (i % 3)))
          .append("\" text-anchor=\"").append(right ? "end" : "start")
          .append("\" fill=\"#B04400\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">")
          .append(esc(m.label())).append("</text>\n");
    }
    s.append("</g>\n");
  }

  private static void line(StringBuilder s, Series series, int index, Axis x, Axis y,
      double x0, double x1, double y0, double y1) {
    String color = series.stroke(index);
    String dash = series.dashes(index);
    StringBuilder pts = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (Point p : series.points()) {
      if (!x.accepts(p.x()) || !y.accepts(p.y())) {
        continue;
      }
      double px = x.map(p.x(), x0, x1);
      double py = y.map(p.y(), y0, y1);
      pts.append(pts.length() == 0 ? "" : " ").append(n(px)).append(',').append(n(py));
      if (series.points().size() <= 40) {
        marks.append("<circle cx=\"").append(n(px)).append("\" cy=\"").append(n(py)).append("\" r=\"2.6\"/>");
      }
      if (p.hi() > p.lo() && y.accepts(p.lo())) {
        double lo = y.map(p.lo(), y0, y1);
        double hi = y.map(p.hi(), y0, y1);
        marks.append("<path d=\"M").append(n(px)).append(' ').append(n(lo)).append("V").append(n(hi))
            .append("M").append(n(px - 3)).append(' ').append(n(lo)).append("h6M").append(n(px - 3)).append(' ')
            .append(n(hi)).append("h6\" stroke-width=\"1.2\" fill=\"none\"/>");
      }
    }
    s.append("<g class=\"series\" stroke=\"").append(color).append("\" fill=\"").append(color).append("\">");
    if (pts.length() > 0) {
      s.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke-width=\"1.8\"")
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
    }
    s.append(marks).append("</g>\n");
  }

  static void legend(StringBuilder s, List<Series> series, int width, int height) {
    legend(s, series, width, height, false);
  }

  /** The legend in two columns under the plot; {@code swatches} draws squares (bars) instead of lines. */
  static void legend(StringBuilder s, List<Series> series, int width, int height, boolean swatches) {
    int columns = columns(series, width);
    double colWidth = (width - LEFT) / (double) columns;
    s.append("<g class=\"legend\" font-size=\"11\" fill=\"#222\">");
    for (int i = 0; i < series.size(); i++) {
      double lx = LEFT + (i % columns) * colWidth;
      double ly = height + (i / columns) * LEGEND_ROW;
      String dash = series.get(i).dashes(i);
      if (swatches) {
        s.append("<rect x=\"").append(n(lx + 6)).append("\" y=\"").append(n(ly - 5)).append("\" width=\"10\" height=\"10\" fill=\"")
            .append(Svg.color(i)).append("\"/>");
      } else {
      s.append("<line x1=\"").append(n(lx)).append("\" y1=\"").append(n(ly)).append("\" x2=\"").append(n(lx + 22))
          .append("\" y2=\"").append(n(ly)).append("\" stroke=\"").append(series.get(i).stroke(i)).append("\" stroke-width=\"2.5\"")
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
      }
      s.append("<text x=\"").append(n(lx + 28)).append("\" y=\"").append(n(ly + 4)).append("\">")
          .append(esc(series.get(i).name())).append("</text>");
    }
    s.append("</g>\n");
  }
}
