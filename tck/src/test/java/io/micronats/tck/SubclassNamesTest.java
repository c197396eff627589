package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Two TCK subclasses (the in-memory and the NATS plugin) get different names for the same rule
 * group, because Surefire writes a test case's {@code classname} from its group's display name
 * ("Registry: lookups"): with one fixed name the two plugins' results merged in CI. The rule
 * tests keep their "ID statement" names. Discovery only: nothing runs, no server starts.
 */
class SubclassNamesTest {

  @Test
  void twoSubclassesNameTheSameGroupApartAndKeepTheRuleIds() {
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(InMemoryTckTest.class), selectClass("io.micronats.tck.nats.NatsContractTest")).build());
    Set<String> memoryGroups = groupsOf(plan, "InMemoryTckTest");
    Set<String> natsGroups = groupsOf(plan, "NatsContractTest");

    assertThat(memoryGroups).contains("Registry: lookups (InMemoryTckTest)", "RPC (InMemoryTckTest)");
    assertThat(natsGroups).contains("Registry: lookups (NatsContractTest)", "RPC (NatsContractTest)");
    assertThat(memoryGroups).doesNotContainAnyElementsOf(natsGroups).hasSameSizeAs(natsGroups);
    assertThat(ruleIdsOf(plan, "InMemoryTckTest")).contains("REG-001", "RPC-001", "TRN-001")
        .isEqualTo(ruleIdsOf(plan, "NatsContractTest"));
  }

  private static Set<String> groupsOf(TestPlan plan, String subclass) {
    Set<String> names = new TreeSet<>();
    for (TestIdentifier id : all(plan)) {
      if (id.isContainer() && id.getUniqueId().contains(subclass) && id.getUniqueId().contains("nested-class")) {
        names.add(id.getDisplayName());
      }
    }
    return names;
  }

  private static Set<String> ruleIdsOf(TestPlan plan, String subclass) {
    Set<String> ids = new TreeSet<>();
    for (TestIdentifier id : all(plan)) {
      if (id.isTest() && id.getUniqueId().contains(subclass)) {
        ids.add(id.getDisplayName().split(" ", 2)[0]);
      }
    }
    return ids;
  }

  private static List<TestIdentifier> all(TestPlan plan) {
    List<TestIdentifier> out = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      out.addAll(plan.getDescendants(root));
    }
    return out;
  }
}
