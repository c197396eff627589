package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.tck.broker.BrokerDeliveryRules;
import io.micronats.tck.broker.BrokerLifecycleRules;
import io.micronats.tck.registry.RegistryLookupRules;
import io.micronats.tck.registry.RegistryWatchRules;
import io.micronats.tck.rpc.RpcRules;
import io.micronats.tck.rules.Level;
import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleCatalogue;
import io.micronats.tck.rules.RuleTest;
import io.micronats.tck.transport.TransportExchangeRules;
import io.micronats.tck.transport.TransportLifecycleRules;
import io.micronats.tck.transport.TransportServeRules;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Structural self-checks of the TCK: catalogue, rule tests, lock file, final methods, nesting. */
class CatalogueConsistencyTest {

  static final List<Class<?>> GROUPS = List.of(TransportExchangeRules.class, TransportLifecycleRules.class,
      TransportServeRules.class,
      BrokerDeliveryRules.class, BrokerLifecycleRules.class, RegistryLookupRules.class, RegistryWatchRules.class,
      RpcRules.class, io.micronats.tck.transport.TransportEdgeRules.class,
      io.micronats.tck.transport.TransportSamplingRules.class, io.micronats.tck.broker.BrokerEdgeRules.class,
      io.micronats.tck.broker.BrokerSamplingRules.class, io.micronats.tck.registry.RegistryEdgeRules.class);

  static Map<String, List<Method>> ruleMethods() {
    Map<String, List<Method>> byId = new TreeMap<>();
    for (Class<?> group : GROUPS) {
      for (Method m : group.getDeclaredMethods()) {
        RuleTest rt = m.getAnnotation(RuleTest.class);
        if (rt != null) {
          byId.computeIfAbsent(rt.value(), k -> new ArrayList<>()).add(m);
        }
      }
    }
    return byId;
  }

  @Test
  void everyActiveRuleHasExactlyOneTestAndEveryTestNamesACataloguedRule() {
    Map<String, List<Method>> tests = ruleMethods();
    Set<String> catalogued = RuleCatalogue.standard().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(tests.keySet()).as("rule IDs with a test vs. catalogued rules").isEqualTo(catalogued);
    tests.forEach((id, methods) -> assertThat(methods).as("tests of " + id).hasSize(1));
  }

  @Test
  void everyTestMethodOfARuleGroupIsARuleTest() {
    for (Class<?> group : GROUPS) {
      for (Method m : group.getDeclaredMethods()) {
        boolean junit = m.isAnnotationPresent(Test.class) || m.getName().matches("(trn|brk|reg|rpc)\\d{3}.*");
        if (junit) {
          assertThat(m.getAnnotation(RuleTest.class)).as(group.getSimpleName() + "." + m.getName() + " names no rule").isNotNull();
        }
      }
    }
  }

  @Test
  void ruleMethodsAreFinalAndNamedAfterTheirRule() {
    ruleMethods().forEach((id, methods) -> {
      Method m = methods.get(0);
      assertThat(Modifier.isFinal(m.getModifiers())).as(m + " must be final").isTrue();
      assertThat(m.getName()).as(m + " must start with its rule ID").startsWith(id.toLowerCase(Locale.ROOT).replace("-", ""));
    });
  }

  @Test
  void atLeastSeventyRulesAndEveryAreaAndLevelPresent() {
    List<Rule> rules = RuleCatalogue.standard().rules();
    assertThat(rules.size()).isGreaterThanOrEqualTo(70);
    Map<String, Long> byArea = rules.stream().collect(Collectors.groupingBy(r -> r.area().prefix(), Collectors.counting()));
    assertThat(byArea).containsOnlyKeys("TRN", "BRK", "REG", "RPC");
    assertThat(rules.stream().map(Rule::level).collect(Collectors.toSet())).containsExactlyInAnyOrder(Level.values());
    rules.forEach(r -> {
      assertThat(r.statement()).as(r.id()).endsWith(".");
      assertThat(r.troubleshooting()).as(r.id()).isNotBlank();
    });
  }

  @Test
  void theLockFileOnlyGrows() throws IOException {
    List<String> locked = lockedIds();
    assertThat(new LinkedHashSet<>(locked)).as("duplicate IDs in rules.lock").hasSize(locked.size());
    Set<String> all = RuleCatalogue.standard().allRules().stream().map(Rule::id).collect(Collectors.toSet());
    assertThat(all).as("every locked ID stays in the catalogue (retire a rule, never delete it)").containsAll(locked);
    assertThat(locked).as("every catalogued ID is appended to src/test/resources/rules.lock").containsAll(all);
    Map<String, List<Integer>> numbers = new HashMap<>();
    for (String id : locked) {
      numbers.computeIfAbsent(id.substring(0, 3), k -> new ArrayList<>()).add(Integer.parseInt(id.substring(4)));
    }
    numbers.forEach((area, list) -> {
      for (int i = 0; i < list.size(); i++) {
        assertThat(list.get(i)).as(area + " IDs in rules.lock are appended in order without gaps").isEqualTo(i + 1);
      }
    });
  }

  @Test
  void theCombinedAndRoleContractsNestEveryGroup() {
    Set<Class<?>> nested = new LinkedHashSet<>();
    for (Class<?> c : List.of(MicronatsTck.class)) {
      for (Class<?> inner : c.getDeclaredClasses()) {
        if (inner.isAnnotationPresent(Nested.class)) {
          nested.add(inner.getSuperclass());
        }
      }
    }
    assertThat(nested).containsExactlyInAnyOrderElementsOf(GROUPS);
  }

  @Test
  void theCatalogueRejectsDuplicateIdsAndOptionalRulesWithoutCapability() {
    String one = "[TRN-001]\nlevel: REQUIRED\ncapability: -\nstatement: s.\ntroubleshooting: t\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleCatalogue.parse(one + one))
        .hasMessageContaining("TRN-001 appears twice");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleCatalogue.parse(one.replace("REQUIRED", "OPTIONAL")))
        .hasMessageContaining("needs a capability");
  }

  static List<String> lockedIds() throws IOException {
    try (InputStream in = CatalogueConsistencyTest.class.getClassLoader().getResourceAsStream("rules.lock")) {
      assertThat(in).as("src/test/resources/rules.lock").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }
}
