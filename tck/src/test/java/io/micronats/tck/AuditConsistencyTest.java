package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code tck/AUDIT.md} (every SPI promise mapped to the rules that check it) in step with
 * the catalogue: no unknown rule ID in the audit, no catalogued rule missing from it.
 */
class AuditConsistencyTest {

  private static final Pattern RULE_ID = Pattern.compile("\\b(TRN|BRK|REG|RPC)-\\d{3}\\b");

  static String audit() throws IOException {
    for (Path candidate : new Path[] {Path.of("AUDIT.md"), Path.of("tck", "AUDIT.md")}) {
      if (Files.isRegularFile(candidate)) {
        return Files.readString(candidate, StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("expected tck/AUDIT.md next to the tck pom, but it is missing (working directory "
        + Path.of("").toAbsolutePath() + ")");
  }

  static Set<String> idsIn(String text) {
    Set<String> ids = new TreeSet<>();
    Matcher m = RULE_ID.matcher(text);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }

  @Test
  void everyRuleIdInTheAuditIsCatalogued() throws IOException {
    Set<String> unknown = new TreeSet<>(idsIn(audit()));
    RuleCatalogue.standard().allRules().forEach(r -> unknown.remove(r.id()));
    assertThat(unknown).as("rule IDs named in AUDIT.md but not in the catalogue").isEmpty();
  }

  @Test
  void everyCataloguedRuleIsInTheAudit() throws IOException {
    Set<String> named = idsIn(audit());
    Set<String> missing = new TreeSet<>();
    for (Rule r : RuleCatalogue.standard().rules()) {
      if (!named.contains(r.id())) {
        missing.add(r.id());
      }
    }
    assertThat(missing).as("catalogued rules that AUDIT.md maps to no SPI promise").isEmpty();
  }

  @Test
  void theCheckCatchesBothKindsOfDrift() {
    assertThat(idsIn("| x | TRN-001, BRK-999 and REG-0123 |")).containsExactly("BRK-999", "TRN-001");
  }
}
