package io.micronats.tck.mutants;

import java.util.Random;

/**
 * A fault that strikes one call in a thousand, at random: the rate the sampling rules must see.
 *
 * <p>Thread-safe. Seeded with {@value #SEED}, so a run is reproducible: with this seed the first
 * strike falls on call number 1,765 of its owner (an instance or a subscription) (the sequence then strikes about once per
 * thousand calls), so the small samples of the older rules (at most a few hundred calls per
 * instance) miss it by chance, as they would a real rare defect, while the sampling rules'
 * 4,800-5,000 trials see it.
 */
final class RareFault {

  /** The seed; see the class comment for where its first strike falls. */
  static final long SEED = 2;

  private final Random random = new Random(SEED);

  /** True for about one call in a thousand. */
  boolean strikes() {
    return random.nextInt(1000) == 0;
  }
}
