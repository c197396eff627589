package io.micronats.tck.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The human name of a nested rule group ("Registry: lookups"). {@link RuleDisplayNames} shows it
 * together with the concrete TCK subclass ("Registry: lookups (AcmeTckTest)"), so the results of
 * two subclasses never merge into one group in an IDE or a JUnit Platform listener.
 *
 * <p>Used instead of {@code @DisplayName}, which would give every subclass the same fixed name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GroupName {
  /** The group's name without the subclass, such as {@code "Broker: delivery"}. */
  String value();
}
