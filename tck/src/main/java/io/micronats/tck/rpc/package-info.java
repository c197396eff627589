/**
 * RPC rules (RPC-nnn) as abstract JUnit 5 classes: the RPC client and server over a plugin's transport and registry.
 */
@NullMarked
package io.micronats.tck.rpc;

import org.jspecify.annotations.NullMarked;
