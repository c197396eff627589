/**
 * The TCK's rule catalogue: stable rule IDs, levels, capabilities, statements and troubleshooting texts, and the annotation that ties a test to its rule.
 */
@NullMarked
package io.micronats.tck.rules;

import org.jspecify.annotations.NullMarked;
