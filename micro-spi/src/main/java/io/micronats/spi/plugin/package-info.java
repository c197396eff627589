/**
 * Plugins by name: one provider interface per role, found through {@link java.util.ServiceLoader}
 * by {@link io.micronats.spi.plugin.Plugins}, configured by a
 * {@link io.micronats.spi.plugin.PluginConfig}.
 *
 * <p>To publish a plugin, implement {@link io.micronats.spi.plugin.TransportProvider} (and/or the
 * broker and registry providers) and list the class in
 * {@code META-INF/services/io.micronats.spi.plugin.TransportProvider}.
 */
@NullMarked
package io.micronats.spi.plugin;

import org.jspecify.annotations.NullMarked;
