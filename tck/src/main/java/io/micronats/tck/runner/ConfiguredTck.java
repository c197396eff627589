package io.micronats.tck.runner;

import io.micronats.tck.MicronatsTck;
import io.micronats.tck.TckTarget;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * The concrete TCK class {@link TckMain} launches: the whole {@link MicronatsTck} against the
 * target the runner configured.
 *
 * <p>The target is held in a static field set by the runner before it launches JUnit and cleared
 * afterwards; run outside the runner, every rule is skipped. Not for plugin authors, who subclass
 * {@link MicronatsTck} themselves.
 */
public class ConfiguredTck extends MicronatsTck {

  private static volatile @Nullable TckTarget current;

  /** Used by JUnit. */
  public ConfiguredTck() {}

  static void use(@Nullable TckTarget target) {
    current = target;
  }

  @Override
  protected TckTarget target() {
    TckTarget target = current;
    if (target == null) {
      throw new TestAbortedException("ConfiguredTck runs only under io.micronats.tck.runner.TckMain");
    }
    return target;
  }
}
