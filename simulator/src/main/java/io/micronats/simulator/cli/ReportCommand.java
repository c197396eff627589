package io.micronats.simulator.cli;

import io.micronats.simulator.run.ReportLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report RESULTS... --out DIR}: renders one result file, or compares several, through the
 * reports module.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Render a report (HTML and Markdown) from one results.json, or compare several.")
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "results.json files (or directories holding one).")
  List<Path> results;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the report.")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<Path> files = results.stream().map(p -> Files.isDirectory(p) ? p.resolve("results.json") : p).toList();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such results file: " + f);
      }
    }
    List<Path> written = ReportLauncher.render(files, out);
    written.forEach(p -> spec.commandLine().getOut().println("report: " + p));
    return ExitCodes.OK;
  }
}
