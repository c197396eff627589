/**
 * Implementation helpers shared by the in-memory implementations and the RPC layer.
 *
 * <p>Not an API: anything here may change without notice. Users and plugin authors must not
 * depend on it.
 */
@NullMarked
package io.micronats.spi.internal;

import org.jspecify.annotations.NullMarked;
