package io.micronats.reports;

import io.micronats.reports.model.Environment;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.TckReport;
import io.micronats.reports.model.TckReportReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Test inputs: the checked-in samples and golden files, read once. */
public final class Fixtures {
  public static final RunResult THREE_NODES = result("samples/results-nats-3-nodes.json");
  public static final RunResult ONE_NODE = result("samples/results-nats-1-node.json");
  public static final TckReport TCK_MEMORY = tck("samples/tck-memory.json");
  public static final TckReport TCK_NATS = tck("samples/tck-nats.json");

  private Fixtures() {}

  public static String text(String resource) {
    try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream("/" + resource), resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path path(String resource) {
    try {
      return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/" + resource), resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RunResult result(String resource) {
    try {
      return ResultsReader.fromJson(text(resource), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TckReport tck(String resource) {
    try {
      return TckReportReader.fromJson(text(resource), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code r} as if run on another machine. */
  public static RunResult onHost(RunResult r, String hostname, int cores) {
    Environment e = r.environment();
    return new RunResult(r.scenario(), new Environment(e.java(), e.jnats(), e.natsServer(), cores, e.os(), hostname,
        e.extra()), r.startedAt(), r.phases(), r.labels(), r.comparisons(), r.faults());
  }

  public static ReportSet set(List<Map.Entry<String, RunResult>> results, List<Map.Entry<String, TckReport>> tck) {
    return ReportSet.of(results, tck);
  }

  public static String render(ReportFormat format, ReportSet set) {
    StringWriter out = new StringWriter();
    try {
      format.renderer().render(set, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
