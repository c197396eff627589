package io.micronats.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cmd = new CommandLine(command).setExitCodeExceptionMapper(new ExitCodeMapper())
        .setExecutionExceptionHandler(new ErrorPrinter()).setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void rootWithoutSubcommandPrintsUsage() {
    assertThat(run(new MicronatsCommand())).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString()).contains("Usage: micronats").contains("simulate").contains("bench").contains("cluster");
  }

  @Test
  void everySubcommandHasHelp() {
    String[][] commands = {{"demo"}, {"simulate"}, {"bench"}, {"report"}, {"cluster"}, {"cluster", "up"}, {"jmh"}};
    for (String[] c : commands) {
      String[] args = java.util.Arrays.copyOf(c, c.length + 1);
      args[c.length] = "--help";
      out.getBuffer().setLength(0);
      assertThat(run(new MicronatsCommand(), args)).as(String.join(" ", c)).isEqualTo(ExitCodes.OK);
      assertThat(out.toString()).as(String.join(" ", c)).contains("Usage: micronats " + String.join(" ", c));
    }
  }

  @Test
  void simulateRejectsAnInvalidScenarioBeforeStartingAnything() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "fleet:\n  services: 0\n");
    int code = run(new MicronatsCommand(), "simulate", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(code).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains("invalid scenario: fleet.services: must be >= 1, was 0");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void simulateValidateOnlyBuildsThePlanFromTheOptions() throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "name: tiny\nimplementation: memory\nfleet: {services: 5}\n");
    SimulateCommand command = new SimulateCommand();
    int code = run(command, file.toString(), "--out", dir.resolve("o").toString(), "--validate-only",
        "--implementation", "nats", "--urls", "nats://127.0.0.1:4222,nats://127.0.0.1:4223", "-q");
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(command.plan).isNotNull();
    assertThat(command.plan.scenario().implementation()).isEqualTo("nats");
    assertThat(command.plan.scenario().fleet().services()).isEqualTo(5);
    assertThat(command.plan.externalUrls()).containsExactly("nats://127.0.0.1:4222", "nats://127.0.0.1:4223");
    assertThat(command.plan.outputDirectory()).isEqualTo(dir.resolve("o"));
    assertThat(command.plan.progress()).isFalse();
    assertThat(out.toString()).contains("scenario tiny is valid");
  }

  @Test
  void simulateWithoutOutIsAUsageError() throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "name: x\n");
    assertThat(run(new MicronatsCommand(), "simulate", file.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--out");
  }

  @Test
  void simulateWithAMissingFileFailsWithTheFileName() {
    int code = run(new MicronatsCommand(), "simulate", dir.resolve("nope.yaml").toString(), "--out", dir.toString());
    assertThat(code).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains("nope.yaml");
  }

  @Test
  void benchRejectsAPayloadTooSmallForTheSequenceHeader() {
    assertThat(run(new MicronatsCommand(), "bench", "--out", dir.toString(), "--payload", "10")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--payload must be >= 24");
  }

  @Test
  void benchBuildsItsPlanFromTheOptions() {
    BenchCommand command = new BenchCommand();
    // an unreachable external URL makes the run fail fast after the plan is built
    int code = run(command, "--out", dir.toString(), "--payload", "256", "--in-flight", "8", "--duration", "2s",
        "--repetitions", "2", "--urls", "nats://127.0.0.1:1");
    assertThat(command.plan).isNotNull();
    assertThat(command.plan.payloadBytes()).isEqualTo(256);
    assertThat(command.plan.inFlight()).isEqualTo(8);
    assertThat(command.plan.duration()).hasSeconds(2);
    assertThat(command.plan.repetitions()).isEqualTo(2);
    assertThat(code).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void reportOfAMissingFileIsAUsageError() {
    assertThat(run(new MicronatsCommand(), "report", dir.resolve("none.json").toString(), "--out", dir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no such results file");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run(new MicronatsCommand(), "demo", "--frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--frobnicate");
  }

  @Test
  void simulateValidateOnlyNeedsNoOut() throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "name: tiny\nimplementation: memory\nfleet: {services: 5}\n");
    int code = run(new MicronatsCommand(), "simulate", file.toString(), "--validate-only", "-q");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("scenario tiny is valid").contains("--validate-only writes nothing");
  }

  @Test
  void jmhPassesJmhsOwnArgumentsThrough() throws Exception {
    Path jmhOut = dir.resolve("jmh");
    int code = run(new MicronatsCommand(), "jmh", "-f", "0", "-wi", "0", "-i", "1", "-r", "200ms",
        "--out", jmhOut.toString(), ".*SelectorBenchmark.*");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    String json = Files.readString(jmhOut.resolve("jmh.json"));
    assertThat(json).contains("SelectorBenchmark").doesNotContain("MessageEncodingBenchmark")
        .contains("\"forks\" : 0").contains("\"measurementIterations\" : 1").contains("\"measurementTime\" : \"200 ms\"");
  }

  @Test
  void jmhRejectsAnUnknownJmhArgumentAsAUsageError() {
    assertThat(run(new MicronatsCommand(), "jmh", "-frobnicate", "--out", dir.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("JMH arguments").contains("frobnicate");
  }

  @Test
  void simulateValidateOnlyRejectsAWrongPluginNameListingTheAvailableOnes() throws Exception {
    Path file = dir.resolve("typo.yaml");
    Files.writeString(file, "name: typo\nimplementation: memroy\nfleet: {services: 5}\n");
    int code = run(new MicronatsCommand(), "simulate", file.toString(), "--validate-only", "-q");
    assertThat(code).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains("no plugin named 'memroy'").contains("memory").contains("nats");
    assertThat(out.toString()).doesNotContain("is valid");
  }
}
