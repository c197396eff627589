/**
 * The micronats SPI: three small plugin roles, as in go-micro, and what they share.
 *
 * <ul>
 *   <li>{@link io.micronats.spi.transport.Transport}: synchronous, socket-like request/response.</li>
 *   <li>{@link io.micronats.spi.broker.Broker}: asynchronous publish/subscribe.</li>
 *   <li>{@link io.micronats.spi.registry.Registry}: service discovery.</li>
 * </ul>
 *
 * <p>This package holds the {@link io.micronats.spi.Message} both transports and brokers carry,
 * and the root of the exception hierarchy, {@link io.micronats.spi.MessagingException}. Its
 * subtypes are split by what the caller can do about them: retry elsewhere
 * ({@link io.micronats.spi.NoRespondersException}), wait and maybe retry
 * ({@link io.micronats.spi.OperationTimeoutException}), stop using the object
 * ({@link io.micronats.spi.ClosedException}), send less
 * ({@link io.micronats.spi.PayloadTooLargeException}), or connect first
 * ({@link io.micronats.spi.NotConnectedException}). Programming errors use the JDK's
 * {@code IllegalArgumentException}, {@code IllegalStateException} and {@code NullPointerException},
 * with messages that name the bad value.
 *
 * <p>Every package is {@code @NullMarked}: nothing accepts or returns {@code null} unless it is
 * annotated {@code @Nullable}.
 */
@NullMarked
package io.micronats.spi;

import org.jspecify.annotations.NullMarked;
