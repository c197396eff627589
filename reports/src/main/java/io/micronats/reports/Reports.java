package io.micronats.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronats.reports.bench.BenchDocument;
import io.micronats.reports.bench.BenchReader;
import io.micronats.reports.model.ResultsFormatException;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.ResultsWriter;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.TckReport;
import io.micronats.reports.model.TckReportReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point of {@code ./micronats report}: reads simulator results, TCK reports,
 * {@code bench.json} and JMH's {@code jmh.json} (telling them apart by their {@code kind}, JMH by its shape) and writes {@code DIR/index.html} and {@code DIR/report.md}.
 *
 * <p>Stateless and thread-safe; each call reads its inputs and writes its outputs, nothing else.
 *
 * <pre>{@code
 * List<Path> written = Reports.write(List.of(Path.of("a/results.json"), Path.of("b/results.json")), Path.of("report"));
 * out.println("Report: " + written.get(0).toUri());
 * }</pre>
 */
public final class Reports {
  private static final ObjectMapper PEEK = new ObjectMapper();

  private Reports() {}

  /**
   * Reads {@code inputs} and writes every {@link ReportFormat} into {@code outDir} (created if
   * needed).
   *
   * @return the written files, {@code index.html} first
   * @throws ResultsFormatException when an input is neither a simulator result nor a TCK report,
   *     or is of a newer schema version; nothing is written then
   * @throws IOException when an input cannot be read or an output cannot be written
   * @throws IllegalArgumentException when {@code inputs} is empty
   */
  public static List<Path> write(List<Path> inputs, Path outDir) throws IOException {
    return write(read(inputs), outDir);
  }

  /**
   * Writes every {@link ReportFormat} of {@code set} into {@code outDir} (created if needed).
   *
   * @return the written files, {@code index.html} first
   * @throws IOException when an output cannot be written
   */
  public static List<Path> write(ReportSet set, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (ReportFormat format : ReportFormat.values()) {
      Path file = outDir.resolve(format.fileName());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        format.renderer().render(set, out);
      }
      written.add(file);
    }
    return written;
  }

  /**
   * Reads simulator results and TCK reports, detected by their {@code kind}.
   *
   * @throws ResultsFormatException when an input is neither, or is invalid
   * @throws IOException when an input cannot be read
   * @throws IllegalArgumentException when {@code inputs} is empty
   */
  public static ReportSet read(List<Path> inputs) throws IOException {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("give at least one results.json or tck-report.json");
    }
    List<Map.Entry<String, RunResult>> results = new ArrayList<>();
    List<Map.Entry<String, TckReport>> tck = new ArrayList<>();
    List<BenchDocument> benches = new ArrayList<>();
    for (Path input : inputs) {
      String json = Files.readString(input, StandardCharsets.UTF_8);
      String source = Objects.toString(input.getFileName(), input.toString());
      JsonNode tree = tree(json, input.toString());
      if (BenchReader.isJmh(tree)) {
        benches.add(BenchReader.jmh(input.toString(), tree));
        continue;
      }
      String kind = kindOf(json, input.toString());
      if (BenchReader.KIND.equals(kind)) {
        benches.add(BenchReader.bench(input.toString(), tree));
      } else if (ResultsWriter.KIND.equals(kind)) {
        results.add(Map.entry(source, ResultsReader.fromJson(json, input.toString())));
      } else if (TckReportReader.KIND.equals(kind)) {
        tck.add(Map.entry(source, TckReportReader.fromJson(json, input.toString())));
      } else {
        throw new ResultsFormatException(input.toString(), "kind \"" + kind + "\" is neither \""
            + ResultsWriter.KIND + "\" (simulator results) nor \"" + TckReportReader.KIND + "\" (TCK report) nor \"" + BenchReader.KIND
            + "\" (bench.json)");
      }
    }
    return ReportSet.of(results, tck).withBenches(benches);
  }

  private static JsonNode tree(String json, String source) throws ResultsFormatException {
    try {
      JsonNode root = PEEK.readTree(json);
      if (root == null) {
        throw new ResultsFormatException(source, "empty file");
      }
      return root;
    } catch (IOException e) {
      throw new ResultsFormatException(source, "not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The {@code kind} of a JSON document. */
  private static String kindOf(String json, String source) throws ResultsFormatException {
    JsonNode root;
    try {
      root = PEEK.readTree(json);
    } catch (IOException e) {
      throw new ResultsFormatException(source, "not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ResultsFormatException(source, "expected a JSON object at the top level");
    }
    JsonNode kind = root.get("kind");
    if (kind == null || !kind.isTextual()) {
      throw new ResultsFormatException(source, "missing \"kind\": expected \"" + ResultsWriter.KIND
          + "\" (simulator results) or \"" + TckReportReader.KIND + "\" (TCK report)");
    }
    return kind.asText();
  }
}
