package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

  @Test
  void everyMessageIsReceivedOrLostOnceAndWindowsSplitByTime() {
    DeliveryLedger ledger = new DeliveryLedger(1000);
    ledger.expect("sub", "pub");
    for (int s = 0; s < 10; s++) {
      ledger.sent("pub", s, 100 + s);
    }
    for (int s : new int[] {0, 1, 2, 5, 4, 6, 6, 9}) {
      ledger.received("sub", "pub", s, 200);
    }
    DeliveryLedger.Tally t = ledger.tallies().get(0);

    assertThat(t.sent()).isEqualTo(10);
    assertThat(t.received()).isEqualTo(7);
    assertThat(t.lost()).isEqualTo(3); // 3, 7, 8
    assertThat(t.duplicated()).isEqualTo(1);
    assertThat(t.reordered()).isEqualTo(1); // 4 after 5
    assertThat(ledger.between(100, 105).lost() + ledger.between(105, 110).lost()).isEqualTo(3);
    assertThat(ledger.between(100, 105).lost()).isEqualTo(1);
    assertThat(ledger.between(100, 110).sent()).isEqualTo(10);
  }

  @Test
  void rejectedPublishesAreNeitherSentNorLost() {
    DeliveryLedger ledger = new DeliveryLedger(100);
    ledger.expect("group", "pub");
    ledger.sent("pub", 0, 1);
    ledger.sent("pub", 1, 2);
    ledger.rejected("pub", 1, 2);
    ledger.received("group", "pub", 0, 3);
    DeliveryLedger.Tally t = ledger.tallies().get(0);

    assertThat(t.sent()).isEqualTo(1);
    assertThat(t.lost()).isZero();
    assertThat(ledger.between(0, 10).rejected()).isEqualTo(1);
  }

  @Test
  void strangersAreCountedAndIgnored() {
    DeliveryLedger ledger = new DeliveryLedger(100);
    ledger.expect("sub", "pub");
    ledger.received("other", "pub", 0, 1);
    ledger.received("sub", "unknown", 0, 1);
    ledger.received("sub", "pub", 500, 1);

    assertThat(ledger.strangers()).isEqualTo(3);
    assertThat(ledger.tallies().get(0).received()).isZero();
  }

  @Test
  void aQueueGroupIsNotHeldToArrivalOrder() {
    DeliveryLedger ledger = new DeliveryLedger(100);
    ledger.expect("group", "pub", false);
    for (int s = 0; s < 4; s++) {
      ledger.sent("pub", s, s);
    }
    for (int s : new int[] {1, 0, 3, 2}) {
      ledger.received("group", "pub", s, 10);
    }
    DeliveryLedger.Tally t = ledger.tallies().get(0);
    assertThat(t.reordered()).isZero();
    assertThat(t.received()).isEqualTo(4);
    assertThat(t.lost()).isZero();
  }

  @Test
  void beyondTheBoundItSaysSo() {
    DeliveryLedger ledger = new DeliveryLedger(2);
    ledger.sent("pub", 2, 1);
    assertThat(ledger.overflowed()).isTrue();
  }
}
