package io.micronats.tck.rules;

import io.micronats.tck.Capability;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of the TCK: a stable ID, its level, the capability that enables it, a one-sentence
 * statement and the troubleshooting text shown when it fails.
 *
 * <p>Immutable. Rules come from the {@link RuleCatalogue}; an ID is never reused, and a rule that
 * no longer applies stays in the catalogue as {@code retired}.
 *
 * @param id the stable ID, {@code AREA-nnn}, for example {@code BRK-007}
 * @param level how binding the rule is
 * @param capability the capability an {@link Level#OPTIONAL} rule needs; {@code null} otherwise
 * @param statement what an implementation must do, in one sentence
 * @param troubleshooting what to check when the rule fails
 * @param retired true when the rule is kept only so its ID is not reused; it is not run
 * @param detection for a rule that samples (ordering, duplication, loss, cross-talk): its families,
 *     sample sizes ({@code trials=N; thorough=M}) and detection bound; empty for other rules
 */
public record Rule(
    String id,
    Level level,
    @Nullable Capability capability,
    String statement,
    String troubleshooting,
    boolean retired,
    String detection) {

  private static final Pattern ID = Pattern.compile("(TRN|BRK|REG|RPC)-\\d{3}");
  private static final Pattern TRIALS = Pattern.compile("(?:^|;\\s*)trials=(\\d+)");
  private static final Pattern THOROUGH = Pattern.compile("(?:^|;\\s*)thorough=(\\d+)");
  private static final Pattern FAMILIES = Pattern.compile("(?:^|;\\s*)families=([a-z,-]+)");

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(troubleshooting, "troubleshooting");
    Objects.requireNonNull(detection, "detection");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule ID '" + id + "' is not AREA-nnn (TRN, BRK, REG or RPC)");
    }
    if ((level == Level.OPTIONAL) != (capability != null)) {
      throw new IllegalArgumentException("rule " + id + ": an OPTIONAL rule needs a capability, and only it may have one");
    }
    if (statement.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " has no statement");
    }
  }

  /** A rule without a detection bound (it does not sample). */
  public Rule(String id, Level level, @Nullable Capability capability, String statement, String troubleshooting,
      boolean retired) {
    this(id, level, capability, statement, troubleshooting, retired, "");
  }

  /** The sampling families named in {@link #detection()} ({@code loss}, {@code cross-talk}, ...); empty when none. */
  public List<String> families() {
    Matcher m = FAMILIES.matcher(detection);
    return m.find() ? List.of(m.group(1).split(",")) : List.of();
  }

  /**
   * How many independent trials the rule's sample holds in the given mode, from its
   * {@link #detection()} ({@code trials=N}, and {@code thorough=M} for the thorough mode).
   *
   * @throws IllegalStateException when the rule states no sample size for that mode
   */
  public int trials(boolean thorough) {
    Matcher m = (thorough ? THOROUGH : TRIALS).matcher(detection);
    if (!m.find()) {
      if (thorough) {
        return trials(false);
      }
      throw new IllegalStateException("rule " + id + " states no sample size (detection: trials=N) in the catalogue");
    }
    return Integer.parseInt(m.group(1));
  }

  /** The area named by the ID's prefix. */
  public Area area() {
    return Area.ofId(id);
  }

  /** True when the ID has the shape {@code AREA-nnn}. */
  public static boolean isRuleId(String text) {
    return ID.matcher(text).matches();
  }
}
