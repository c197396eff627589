package io.micronats.reports.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The version-1 reader's migration of faults: completes the structured {@link Fault}s of a
 * version-1 result from the flat per-phase keys the simulator wrote next to them up to version 1: the label {@code fault.<i>.recoveredUndecided} (why "back to baseline" was not
 * decided) and the counts {@code fault.<i>.rpc.<cause>} beyond the structured ones (for example
 * {@code serviceNotFound}, {@code notConnected}, {@code errors}), with {@code i} the fault's number
 * among the faults of its phase, from 0. A value already in the structured fault wins; a phase
 * whose {@code fault.<i>.name} label names another fault is not used for it.
 *
 * <p>Version 2 holds faults once, structured: the reader applies this to version-1 files only, and
 * nothing writes these keys any more.
 *
 * <p>Stateless and thread-safe.
 */
final class V1FaultLabels {
  /** The RPC counts that are fields of {@link Fault.Rpc}, not further causes. */
  private static final Set<String> RPC_FIELDS = Set.of("calls", "succeeded", "failed", "timedOut", "noResponders");

  private V1FaultLabels() {}

  /** {@code result} with its faults completed from its phases' flat keys. */
  static RunResult complete(RunResult result) {
    return result.withFaults(complete(result.phases(), result.faults()));
  }

  /** {@code faults}, each completed from the labels and counts of its phase in {@code phases}. */
  static List<Fault> complete(List<Phase> phases, List<Fault> faults) {
    if (faults.isEmpty()) {
      return faults;
    }
    Map<String, Phase> byName = new HashMap<>();
    phases.forEach(p -> byName.put(p.name(), p));
    Map<String, Integer> seen = new HashMap<>();
    List<Fault> out = new ArrayList<>(faults.size());
    for (Fault f : faults) {
      Phase phase = f.phase() == null ? null : byName.get(f.phase());
      if (phase == null) {
        out.add(f);
        continue;
      }
      int i = seen.merge(phase.name(), 1, Integer::sum) - 1;
      out.add(complete(f, phase, "fault." + i + "."));
    }
    return List.copyOf(out);
  }

  private static Fault complete(Fault f, Phase phase, String prefix) {
    String name = phase.labels().get(prefix + "name");
    if (name != null && !name.equals(f.name())) {
      return f;
    }
    Fault done = f;
    String reason = phase.labels().get(prefix + "recoveredUndecided");
    if (done.recoveredUndecided() == null && done.recoveredAfterMillis() == null && reason != null) {
      done = done.withRecoveredUndecided(reason);
    }
    Map<String, Long> causes = new LinkedHashMap<>();
    String rpcPrefix = prefix + "rpc.";
    phase.counts().forEach((key, count) -> {
      if (key.startsWith(rpcPrefix) && count >= 0) {
        String cause = key.substring(rpcPrefix.length());
        if (!cause.isBlank() && !RPC_FIELDS.contains(cause)) {
          causes.put(cause, count);
        }
      }
    });
    if (!causes.isEmpty()) {
      done = done.withRpc(done.rpc().withCauses(causes));
    }
    return done;
  }
}
