package io.micronats.simulator.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

  private static SequenceTracker receive(long... sequences) {
    SequenceTracker t = new SequenceTracker();
    for (long s : sequences) {
      t.receive(s);
    }
    return t;
  }

  @Test
  void inOrderDeliveryHasNoLossDuplicatesOrReordering() {
    SequenceTracker t = receive(0, 1, 2, 3, 4);
    t.expectUpTo(4);
    assertThat(t.received()).isEqualTo(5);
    assertThat(t.lost()).isZero();
    assertThat(t.duplicated()).isZero();
    assertThat(t.reordered()).isZero();
  }

  @Test
  void aGapThatNeverFillsIsLost() {
    SequenceTracker t = receive(0, 1, 4, 5);
    t.expectUpTo(5);
    assertThat(t.lost()).isEqualTo(2);
    assertThat(t.reordered()).isZero();
  }

  @Test
  void aLateArrivalIsReorderedNotLost() {
    SequenceTracker t = receive(0, 2, 1, 3);
    t.expectUpTo(3);
    assertThat(t.lost()).isZero();
    assertThat(t.reordered()).isEqualTo(1);
    assertThat(t.duplicated()).isZero();
  }

  @Test
  void aRepeatedNumberIsDuplicated() {
    SequenceTracker t = receive(0, 1, 1, 2, 0);
    t.expectUpTo(2);
    assertThat(t.duplicated()).isEqualTo(2);
    assertThat(t.lost()).isZero();
    assertThat(t.received()).isEqualTo(5);
  }

  @Test
  void messagesMissingAtTheTailCountAsLostOnceThePublisherSaysWhatItSent() {
    SequenceTracker t = receive(0, 1, 2);
    assertThat(t.lost()).isZero();
    t.expectUpTo(9);
    assertThat(t.lost()).isEqualTo(7);
  }

  @Test
  void nothingReceivedMeansEverythingLost() {
    SequenceTracker t = new SequenceTracker();
    t.expectUpTo(99);
    assertThat(t.lost()).isEqualTo(100);
  }

  @Test
  void negativeSequenceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SequenceTracker().receive(-1));
  }

  @Test
  void queueGroupCountsLossAndDuplicatesAcrossMembersAndReorderingPerMember() {
    QueueGroupTracker g = new QueueGroupTracker(2);
    g.receive(0, 0);
    g.receive(1, 1);
    g.receive(0, 3);
    g.receive(1, 2);
    g.receive(0, 2); // a second copy of 2, and below what member 0 saw
    assertThat(g.lost(4)).isEqualTo(1); // 4 never arrived
    assertThat(g.duplicated()).isEqualTo(1);
    assertThat(g.reordered()).isEqualTo(1);
    assertThat(g.received()).isEqualTo(5);
  }
}
