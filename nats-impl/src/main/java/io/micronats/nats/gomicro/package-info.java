/**
 * go-micro's wire shapes shared by the {@code go-micro} profiles of the NATS transport and broker:
 * the {@code {"Header":{...},"Body":"<base64>"}} envelope ({@link Envelope}), the profile setting
 * ({@link WireProfiles}) and the mapping between micronats' RPC headers and go-micro's
 * ({@link RpcMapping}). See {@code docs/go-micro.md}.
 */
@NullMarked
package io.micronats.nats.gomicro;

import org.jspecify.annotations.NullMarked;
