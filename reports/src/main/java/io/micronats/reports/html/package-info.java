/**
 * The HTML report ({@code index.html}): one self-contained page with inline CSS and hand-written
 * inline SVG charts (no script, nothing fetched from the network), readable when printed.
 */
@NullMarked
package io.micronats.reports.html;

import org.jspecify.annotations.NullMarked;
