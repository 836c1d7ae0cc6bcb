package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.engine.EpochResult;
import org.junit.jupiter.api.Test;

class EpochLogTest {

    @Test
    void eachEntryKeepsItsLossesAndAccuraciesAndASliceCarriesThem() {
        EpochLog log = new EpochLog(4);
        log.add(new EpochResult(0, 0.7, 0.75, 0.5, 0.45));
        log.add(new EpochResult(1, 0.6, Double.NaN, 0.625, Double.NaN));
        log.add(2, 0.5, 0.55, 0.75, 0.7, 0.52, 0.72);

        EpochLog.Slice tail = log.since(1);
        assertThat(tail.start()).isEqualTo(1);
        assertThat(tail.end()).isEqualTo(3);
        assertThat(tail.epochs()).containsExactly(1, 2);
        assertThat(tail.trainLoss()).containsExactly(0.6, 0.5);
        assertThat(tail.testLoss()).containsExactly(Double.NaN, 0.55);
        assertThat(tail.trainAccuracy()).containsExactly(0.625, 0.75);
        assertThat(tail.testAccuracy()).containsExactly(Double.NaN, 0.7);
        assertThat(log.since(0).trainAccuracy()).containsExactly(0.5, 0.625, 0.75);
        assertThat(tail.validationLoss()).containsExactly(Double.NaN, 0.52);
        assertThat(tail.validationAccuracy()).containsExactly(Double.NaN, 0.72);
    }

    @Test
    void theLogGrowsPastItsFirstArraysWithEveryColumn() {
        EpochLog log = new EpochLog(1);
        for (int e = 0; e < 3000; e++) {
            log.add(e, 1.0 / (1 + e), 2.0 / (1 + e), e / 3000.0, e / 6000.0, 3.0 / (1 + e), e / 9000.0);
        }
        EpochLog.Slice all = log.since(0);
        assertThat(all.length()).isEqualTo(3000);
        assertThat(all.trainAccuracy()[2999]).isEqualTo(2999 / 3000.0);
        assertThat(all.testAccuracy()[1500]).isEqualTo(1500 / 6000.0);
        assertThat(all.validationLoss()[2999]).isEqualTo(3.0 / 3000);
        assertThat(all.validationAccuracy()[2999]).isEqualTo(2999 / 9000.0);
    }

    @Test
    void aSliceIsACopyAndItsColumnsAreOfOneLength() {
        EpochLog log = new EpochLog(2);
        log.add(0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        log.since(0).trainAccuracy()[0] = 9;
        assertThat(log.since(0).trainAccuracy()).containsExactly(0.5);
        assertThatThrownBy(() -> new EpochLog.Slice(0, new int[] {0}, new double[] {1}, new double[] {1},
                new double[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullLogKeepsEveryOtherEntryAndThenEveryStrideThEpoch() {
        EpochLog log = new EpochLog(3, 8);
        for (int e = 0; e < 8; e++) {
            log.add(e, e, e, 0.5, 0.5, e, 0.5);
        }
        assertThat(log.size()).isEqualTo(8);
        assertThat(log.thinnings()).isZero();
        log.add(8, 8, 8, 0.5, 0.5, 8, 0.5);
        // Full: 0, 2, 4, 6 stay, then 8; odd epochs are passed over from now on.
        assertThat(log.thinnings()).isEqualTo(1);
        assertThat(log.stride()).isEqualTo(2);
        assertThat(log.since(0).epochs()).containsExactly(0, 2, 4, 6, 8);
        assertThat(log.since(0).validationLoss()).containsExactly(0, 2, 4, 6, 8);
        for (int e = 9; e < 40; e++) {
            log.add(e, e, e, 0.5, 0.5, e, 0.5);
        }
        assertThat(log.size()).isLessThanOrEqualTo(8);
        assertThat(log.stride()).isEqualTo(8);
        assertThat(log.since(0).epochs()).startsWith(0).isSorted();
        assertThat(log.since(0).epochs()[log.size() - 1]).isEqualTo(32);
    }

    @Test
    void aMillionEpochsStayWithinTheDefaultCapacity() {
        EpochLog log = new EpochLog(1);
        for (int e = 0; e <= 1_000_000; e++) {
            log.add(e, 1.0 / (1 + e), 1.0, 0.5, 0.5, Double.NaN, Double.NaN);
        }
        assertThat(log.size()).isLessThanOrEqualTo(EpochLog.DEFAULT_CAPACITY).isGreaterThan(
                EpochLog.DEFAULT_CAPACITY / 4);
        assertThat(log.thinnings()).isEqualTo(2);
        assertThat(log.since(0).epochs()[0]).isZero();
    }
}
