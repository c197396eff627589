package io.micronats.tck.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * Marks a TCK test method as the test of one catalogued rule; it is a JUnit {@link Test}.
 *
 * <p>The {@link io.micronats.tck.TckExtension} reads it to name the test after the rule, to
 * skip it when its capability is not declared, to bound it in time, and to start every failure
 * message with the rule ID. Rule test methods are {@code final}, so a subclass cannot replace a
 * rule with a green no-op; a self-test checks both.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
public @interface RuleTest {

  /** The rule ID, for example {@code TRN-005}. */
  String value();
}
