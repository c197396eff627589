package io.micronats.tck.rules;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each rule test "ID statement", so that every report shows the rule, and each rule group
 * by its class name.
 *
 * <p>Stateless and thread-safe; JUnit instantiates it through
 * {@link org.junit.jupiter.api.DisplayNameGeneration}.
 */
public final class RuleDisplayNames extends DisplayNameGenerator.Standard {

  /** Used by JUnit. */
  public RuleDisplayNames() {}

  @Override
  public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    RuleTest rule = testMethod.getAnnotation(RuleTest.class);
    if (rule == null) {
      return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
    }
    return RuleCatalogue.standard().find(rule.value())
        .map(r -> r.id() + " " + r.statement())
        .orElse(rule.value() + " (not in the catalogue)");
  }
}
