package io.micronats.tck.rules;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each rule test "ID statement", so that every report shows the rule, and each nested rule
 * group by its {@link GroupName} and the concrete TCK subclass that runs it
 * ("Registry: lookups (AcmeTckTest)"), so that the results of two subclasses stay apart in
 * IDEs and other JUnit Platform listeners. Surefire's XML (3.5) still names the nested class
 * ({@code MicronatsTck$RegistryLookup}); there only the file name, {@code TEST-<subclass>.xml},
 * tells two subclasses apart. The rule IDs are untouched.
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

  @Override
  public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
    GroupName group = nestedClass.getAnnotation(GroupName.class);
    if (group == null) {
      return super.generateDisplayNameForNestedClass(enclosingInstanceTypes, nestedClass);
    }
    if (enclosingInstanceTypes.isEmpty()) {
      return group.value();
    }
    Class<?> subclass = enclosingInstanceTypes.get(enclosingInstanceTypes.size() - 1);
    return group.value() + " (" + subclass.getSimpleName() + ")";
  }
}
