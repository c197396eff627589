package io.micronats.reports.analysis;

import io.micronats.reports.analysis.Cell.Tone;
import io.micronats.reports.model.Fault;
import io.micronats.reports.model.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tables of a result's faults: each fault's recovery timeline, what was lost in its window,
 * and the steps the injector took. Both renderers print them the same way.
 *
 * <p>Stateless and thread-safe.
 */
public final class FaultTables {
  private FaultTables() {}

  /**
   * The timeline, accounting (clients and RPC, broker, and registry when any lookups were made) and
   * steps tables, or nothing when the run had no faults.
   */
  public static List<Table> of(RunResult result) {
    if (result.faults().isEmpty()) {
      return List.of();
    }
    List<Table> tables = new ArrayList<>(List.of(timeline(result), rpc(result), broker(result)));
    if (result.faults().stream().anyMatch(f -> f.registry().lookups() > 0)) {
      tables.add(registry(result));
    }
    tables.add(steps(result));
    return tables;
  }

  /** One row per fault: when it was injected and each recovery mark, in ms after the injection. */
  public static Table timeline(RunResult result) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Fault f : result.faults()) {
      rows.add(List.of(Cell.of(f.name()), Cell.of(f.kind() + (f.target().isEmpty() ? "" : " " + f.target())),
          Cell.of(f.phase() == null ? "(run)" : f.phase()), Cell.of("+" + f.injectedAtMillis()),
          mark(f.revertedAfterMillis(), false), mark(f.disconnectedAfterMillis(), false),
          mark(f.reconnectedAfterMillis(), false), mark(f.resubscribedAfterMillis(), false),
          mark(f.firstErrorAfterMillis(), false), mark(f.firstSuccessAfterMillis(), false),
          recovered(f)));
    }
    return new Table("Fault timelines",
        "Injected: ms after the start of the phase (the time charts' axis). Every other mark is in ms after"
            + " the injection; \"-\" means it did not happen inside the fault's window (a missing \"back to"
            + " baseline\" is flagged, with the simulator's reason when it could not decide). One run (n=1) per"
            + " fault.",
        List.of("fault", "what", "phase", "injected", "reverted", "disconnected", "reconnected", "resubscribed",
            "first error", "first success", "back to baseline"),
        rows, 3);
  }

  /**
   * One row per fault: client connections and RPC calls in its window, with a column for each further
   * failure cause any fault counted ({@link Fault.Rpc#causes()}; "-" where a fault has no such count).
   */
  public static Table rpc(RunResult result) {
    Set<String> causes = new LinkedHashSet<>();
    result.faults().forEach(f -> causes.addAll(f.rpc().causes().keySet()));
    List<List<Cell>> rows = new ArrayList<>();
    for (Fault f : result.faults()) {
      Fault.Rpc rpc = f.rpc();
      List<Cell> row = new ArrayList<>(List.of(Cell.of(f.name()), Cell.of(Long.toString(f.windowMillis())),
          Cell.of(Long.toString(f.disconnects())), Cell.of(Long.toString(f.reconnects())),
          Cell.of(Long.toString(rpc.calls())), Cell.of(Long.toString(rpc.succeeded())), bad(rpc.failed()),
          bad(rpc.timedOut()), bad(rpc.noResponders())));
      for (String cause : causes) {
        Long count = rpc.causes().get(cause);
        row.add(count == null ? Cell.of("-", Tone.MUTED) : bad(count));
      }
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("fault", "window (ms)", "disconnects", "reconnects", "rpc calls",
        "succeeded", "failed", "timed out", "no responders"));
    causes.forEach(c -> header.add(words(c)));
    return new Table("Fault accounting: clients and RPC",
        "Counted over each fault's window (from its injection to the next fault or the end of the run), RPC calls"
            + " by actual send time (a call never sent by its intended time)" + (causes.isEmpty() ? "" : "; the columns after \"no responders\" count the"
            + " failed calls by further cause") + ". n=1.",
        header, rows, 1);
  }

  /** One row per fault: broker messages of its window, from sequence numbers. */
  public static Table broker(RunResult result) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Fault f : result.faults()) {
      Fault.Broker b = f.broker();
      rows.add(List.of(Cell.of(f.name()), Cell.of(Long.toString(b.sent())), bad(b.lost()), bad(b.duplicated()),
          bad(b.reordered()), bad(b.rejected())));
    }
    return new Table("Fault accounting: broker",
        "Messages of each fault's window, from sequence numbers; sent counts every expected delivery (messages"
            + " times subscribers expecting them). n=1.",
        List.of("fault", "sent", "lost", "duplicated", "reordered", "rejected"), rows, 1);
  }

  /** One row per fault: registry lookups of its window against the instances known to be live. */
  public static Table registry(RunResult result) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Fault f : result.faults()) {
      Fault.Registry g = f.registry();
      rows.add(List.of(Cell.of(f.name()), Cell.of(Long.toString(g.lookups())), bad(g.liveMissing()),
          bad(g.deadReturned()), bad(g.staleEntries()), bad(g.maxStaleMillis()), bad(g.stillStale())));
    }
    return new Table("Fault accounting: registry",
        "Lookups of each fault's window: live instances missing and dead instances still returned (summed over"
            + " lookups), instances that died and were still returned, how long (ms), and how many still were at"
            + " the end. n=1.",
        List.of("fault", "lookups", "live missing", "dead returned", "stale entries", "max stale (ms)",
            "still stale"),
        rows, 1);
  }

  /** One row per injector step, in order. */
  public static Table steps(RunResult result) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Fault f : result.faults()) {
      if (f.steps().isEmpty()) {
        rows.add(List.of(Cell.of(f.name()), Cell.of("(no steps recorded)", Tone.MUTED)));
      }
      for (String step : f.steps()) {
        rows.add(List.of(Cell.of(f.name()), Cell.of(step)));
      }
    }
    return new Table("Fault steps", "What the injector did, each as +ms after the injection.",
        List.of("fault", "step"), rows, 2);
  }

  /** The "back to baseline" cell: the mark, the reason it was not decided, or a flagged "-". */
  private static Cell recovered(Fault f) {
    if (f.recoveredAfterMillis() == null && f.recoveredUndecided() != null) {
      return Cell.of("not decided: " + f.recoveredUndecided(), Tone.WARN);
    }
    return mark(f.recoveredAfterMillis(), true);
  }

  /** A camel-case count key as words: {@code serviceNotFound} is "service not found". */
  static String words(String key) {
    StringBuilder sb = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Cell mark(@Nullable Long after, boolean flagMissing) {
    if (after == null) {
      return Cell.of("-", flagMissing ? Tone.WARN : Tone.MUTED);
    }
    return Cell.of("+" + after);
  }

  private static Cell bad(long count) {
    return count == 0 ? Cell.of("0", Tone.MUTED) : Cell.of(Long.toString(count), Tone.BAD);
  }
}
