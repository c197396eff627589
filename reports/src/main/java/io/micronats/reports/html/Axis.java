package io.micronats.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A chart axis: a linear or base-10 logarithmic scale over a domain widened to round ticks, with
 * a title and a tick label format.
 *
 * <p>Immutable and thread-safe.
 */
final class Axis {
  private final String title;
  private final boolean log;
  private final double min;
  private final double max;
  private final DoubleFunction<String> label;
  private final List<Double> ticks;

  private Axis(String title, boolean log, double min, double max, DoubleFunction<String> label, List<Double> ticks) {
    this.title = title;
    this.log = log;
    this.min = min;
    this.max = max;
    this.label = label;
    this.ticks = List.copyOf(ticks);
  }

  /**
   * A log axis covering the positive values in [lo, hi] with a little room on both sides; ticks at
   * 1, 2 and 5 times the powers of ten inside (powers of ten only when it spans more than three
   * decades).
   */
  static Axis log(String title, double lo, double hi, DoubleFunction<String> label) {
    double safeLo = lo > 0 ? lo : 1;
    double safeHi = Math.max(hi, safeLo);
    double min = safeLo / 1.25;
    double max = safeHi * 1.25;
    if (max / min < 10) {
      double mid = Math.sqrt(min * max);
      min = mid / Math.sqrt(10);
      max = mid * Math.sqrt(10);
    }
    int from = (int) Math.floor(Math.log10(min));
    int to = (int) Math.ceil(Math.log10(max));
    boolean minor = to - from <= 3;
    List<Double> ticks = new ArrayList<>();
    for (int e = from; e <= to; e++) {
      double d = Math.pow(10, e);
      for (double m : minor ? new double[] {1, 2, 5} : new double[] {1}) {
        double t = m * d;
        if (t >= min * 0.999 && t <= max * 1.001) {
          ticks.add(t);
        }
      }
    }
    return new Axis(title, true, min, max, label, ticks);
  }

  /** A linear axis from {@code min(0, lo)} to a round value at or above {@code hi}. */
  static Axis linear(String title, double lo, double hi, DoubleFunction<String> label) {
    double from = Math.min(0, lo);
    double to = hi > from ? hi : from + 1;
    double raw = (to - from) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double top = Math.ceil(to / step - 1e-9) * step;
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i <= 12; i++) {
      double t = from + i * step;
      if (t > top + step / 1e6) {
        break;
      }
      ticks.add(t);
    }
    return new Axis(title, false, from, top, label, ticks);
  }

  /** A linear axis with fixed ticks (for example the percentile axis). */
  static Axis fixed(String title, double min, double max, List<Double> ticks, DoubleFunction<String> label) {
    return new Axis(title, false, min, max, label, ticks);
  }

  /** Where {@code v} falls between pixel {@code from} (domain min) and {@code to} (domain max). */
  double map(double v, double from, double to) {
    double f;
    if (log) {
      double safe = Math.max(v, min);
      f = (Math.log10(safe) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
    } else {
      f = (v - min) / (max - min);
    }
    return from + f * (to - from);
  }

  /** Whether {@code v} can be drawn on this axis (positive for a log axis). */
  boolean accepts(double v) {
    return Double.isFinite(v) && (!log || v > 0);
  }

  String title() {
    return title;
  }

  boolean isLog() {
    return log;
  }

  List<Double> ticks() {
    return ticks;
  }

  String label(double v) {
    return label.apply(v);
  }
}
