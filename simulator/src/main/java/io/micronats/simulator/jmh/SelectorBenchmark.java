package io.micronats.simulator.jmh;

import io.micronats.spi.registry.Node;
import io.micronats.spi.rpc.Selector;
import io.micronats.spi.rpc.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Node selection, once per RPC call: random and round robin over N nodes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectorBenchmark {
  @Param({"1", "10", "100"})
  public int nodes;

  private List<Node> list;
  private final Selector random = Selectors.random();
  private final Selector roundRobin = Selectors.roundRobin();

  /** Builds the node list. */
  @Setup
  public void setUp() {
    List<Node> l = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      l.add(Node.of("n" + i, "addr." + i));
    }
    list = List.copyOf(l);
  }

  /** Random selection. */
  @Benchmark
  public Node random() {
    return random.select("svc", list);
  }

  /** Round-robin selection. */
  @Benchmark
  public Node roundRobin() {
    return roundRobin.select("svc", list);
  }
}
