/**
 * The command-line TCK runner (TckMain) and its conformance report (JSON, Markdown, JUnit XML).
 */
@NullMarked
package io.micronats.tck.runner;

import org.jspecify.annotations.NullMarked;
