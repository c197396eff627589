package io.micronats.simulator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.simulator.fault.CallResult;
import io.micronats.simulator.load.Outcomes;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.spi.ClosedException;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.TransportException;
import io.micronats.spi.rpc.RemoteException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Every way an RPC call of the simulator can fail lands in exactly one named outcome (and fault
 * call result), and the "other" failures are counted by exception class, so no failure is
 * anonymous in the results.
 */
class RpcFailureClassificationTest {

  @Test
  void eachFailureTypeHasItsOwnOutcome() {
    assertThat(Outcomes.classify(new OperationTimeoutException("call", Duration.ofSeconds(2))))
        .isEqualTo(Outcome.TIMEOUT);
    assertThat(Outcomes.classify(new NoRespondersException("nobody"))).isEqualTo(Outcome.NO_RESPONDERS);
    assertThat(Outcomes.classify(new ServiceNotFoundException("service 'x' not found")))
        .isEqualTo(Outcome.SERVICE_NOT_FOUND);
    assertThat(Outcomes.classify(new RemoteException("svc", "E.p", 500, "boom"))).isEqualTo(Outcome.REMOTE_ERROR);
    assertThat(Outcomes.classify(new RegistryException("NATS is unreachable (connection RECONNECTING)")))
        .isEqualTo(Outcome.NOT_CONNECTED);
    assertThat(Outcomes.classify(new TransportException("the connection to node 'n' failed")))
        .isEqualTo(Outcome.NOT_CONNECTED);
    assertThat(Outcomes.classify(new ClosedException("transport is closed"))).isEqualTo(Outcome.NOT_CONNECTED);
    assertThat(Outcomes.classify(new PayloadTooLargeException("x", 2, 1))).isEqualTo(Outcome.ERROR);
    assertThat(Outcomes.classify(new IllegalStateException("?"))).isEqualTo(Outcome.ERROR);
  }

  @Test
  void theMostSpecificCauseInTheChainDecides() {
    // RpcClient wraps the last node's failure; a wrapped timeout is a timeout, not a transport failure
    assertThat(Outcomes.classify(new TransportException("dial failed",
        new OperationTimeoutException("dial", Duration.ofSeconds(1))))).isEqualTo(Outcome.TIMEOUT);
    assertThat(Outcomes.classify(new NoRespondersException("no node answered",
        new TransportException("closed")))).isEqualTo(Outcome.NO_RESPONDERS);
    assertThat(Outcomes.classify(new ExecutionException(new ServiceNotFoundException("gone"))))
        .isEqualTo(Outcome.SERVICE_NOT_FOUND);
    assertThat(Outcomes.classify(new RuntimeException("wrapper", new ClosedException("socket closed"))))
        .isEqualTo(Outcome.NOT_CONNECTED);
  }

  @Test
  void failuresOtherThanTimeoutsAndNoRespondersAreAlsoCountedByClass() {
    long now = System.nanoTime();
    PhaseMeter meter = new PhaseMeter("rpc", now - 1_000_000_000L, now + 1_000_000_000L, null);
    count(meter, now, new ServiceNotFoundException("gone"));
    count(meter, now, new IllegalStateException("queue full"));
    count(meter, now, new TransportException("sending failed", new IllegalStateException("Output queue is full")));
    count(meter, now, new OperationTimeoutException("call", Duration.ofSeconds(2)));
    count(meter, now, new NoRespondersException("nobody"));

    assertThat(meter.counterValue("serviceNotFound")).isEqualTo(1);
    assertThat(meter.counterValue("errors")).isEqualTo(1);
    assertThat(meter.counterValue("notConnected")).isEqualTo(1);
    assertThat(meter.counterValue("timeouts")).isEqualTo(1);
    assertThat(meter.counterValue("noResponders")).isEqualTo(1);
    assertThat(meter.counterValue("error.ServiceNotFoundException")).isEqualTo(1);
    assertThat(meter.counterValue("error.IllegalStateException")).isEqualTo(1);
    assertThat(meter.counterValue("error.TransportException")).isEqualTo(1);
    assertThat(meter.counterValue("error.TransportException.IllegalStateException")).isEqualTo(1);
    assertThat(meter.counterValue("error.OperationTimeoutException")).isZero();
    assertThat(meter.errors()).as("every failure once in the error total").isEqualTo(5);
  }

  @Test
  void everyErrorOutcomeMapsToItsFaultCallResultAndIsAnErrorCounter() {
    assertThat(CallResult.of(Outcome.SUCCESS)).isEqualTo(CallResult.OK);
    assertThat(CallResult.of(Outcome.TIMEOUT)).isEqualTo(CallResult.TIMEOUT);
    assertThat(CallResult.of(Outcome.NO_RESPONDERS)).isEqualTo(CallResult.NO_RESPONDERS);
    assertThat(CallResult.of(Outcome.SERVICE_NOT_FOUND)).isEqualTo(CallResult.SERVICE_NOT_FOUND);
    assertThat(CallResult.of(Outcome.NOT_CONNECTED)).isEqualTo(CallResult.NOT_CONNECTED);
    assertThat(CallResult.of(Outcome.REMOTE_ERROR)).isEqualTo(CallResult.REMOTE_ERROR);
    assertThat(CallResult.of(Outcome.ERROR)).isEqualTo(CallResult.ERROR);
    assertThat(CallResult.of(Outcome.NOT_SENT)).isEqualTo(CallResult.NOT_SENT);
    assertThat(Outcome.errorCounters()).containsExactly("timeouts", "noResponders", "serviceNotFound",
        "notConnected", "remoteErrors", "errors", "notSent");
  }

  private static void count(PhaseMeter meter, long intended, Exception e) {
    Outcome outcome = Outcomes.classify(e);
    Outcomes.countError(meter, intended, outcome, e);
    meter.complete(intended, 1_000, outcome);
  }
}
