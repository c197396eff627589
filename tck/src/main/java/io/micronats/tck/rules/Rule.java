package io.micronats.tck.rules;

import io.micronats.tck.Capability;
import java.util.Objects;
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
 */
public record Rule(
    String id,
    Level level,
    @Nullable Capability capability,
    String statement,
    String troubleshooting,
    boolean retired) {

  private static final Pattern ID = Pattern.compile("(TRN|BRK|REG|RPC)-\\d{3}");

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(troubleshooting, "troubleshooting");
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

  /** The area named by the ID's prefix. */
  public Area area() {
    return Area.ofId(id);
  }

  /** True when the ID has the shape {@code AREA-nnn}. */
  public static boolean isRuleId(String text) {
    return ID.matcher(text).matches();
  }
}
