package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What holds of every confusion matrix, whatever the classes and predictions. */
class ConfusionMatrixProperties {
    /** K classes and n pairs (true, predicted) of indices below K. */
    record Pairs(int classes, int[] truth, int[] predicted) {
    }

    @Provide
    Arbitrary<Pairs> pairs() {
        return Arbitraries.integers().between(1, 12).flatMap(k -> Arbitraries.integers().between(0, 200).flatMap(n ->
                Combinators.combine(
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n))
                        .as((t, p) -> new Pairs(k, t, p))));
    }

    @Property(tries = 500)
    void accuracyIsTheTraceOverTheTotal(@ForAll("pairs") Pairs pairs) {
        ConfusionMatrix c = ConfusionMatrix.of(pairs.truth(), pairs.predicted(), pairs.classes());
        int trace = 0;
        int agree = 0;
        for (int k = 0; k < c.classes(); k++) {
            trace += c.count(k, k);
        }
        for (int r = 0; r < pairs.truth().length; r++) {
            agree += pairs.truth()[r] == pairs.predicted()[r] ? 1 : 0;
        }
        assertThat(c.total()).isEqualTo(pairs.truth().length);
        assertThat(trace).isEqualTo(agree);
        if (c.total() == 0) {
            assertThat(c.accuracy()).isNaN();
        } else {
            assertThat(c.accuracy()).isEqualTo((double) trace / c.total());
            // Weighing each class's recall by its support counts every correct example once.
            assertThat(c.weightedRecall()).isCloseTo(c.accuracy(), within(1e-12));
        }
    }

    @Property(tries = 500)
    void totalsAddUpAndMeasuresStayInZeroToOne(@ForAll("pairs") Pairs pairs) {
        ConfusionMatrix c = ConfusionMatrix.of(pairs.truth(), pairs.predicted(), pairs.classes());
        int rows = 0;
        int columns = 0;
        for (int k = 0; k < c.classes(); k++) {
            rows += c.rowTotal(k);
            columns += c.columnTotal(k);
            assertThat(c.precision(k)).isBetween(0.0, 1.0);
            assertThat(c.recall(k)).isBetween(0.0, 1.0);
            assertThat(c.f1(k)).isBetween(Math.min(c.precision(k), c.recall(k)),
                    Math.max(c.precision(k), c.recall(k)));
            if (c.rowTotal(k) > 0) {
                double shares = 0;
                for (int j = 0; j < c.classes(); j++) {
                    shares += c.rowShare(k, j);
                }
                assertThat(shares).isCloseTo(1.0, within(1e-12));
            } else {
                assertThat(c.rowShare(k, 0)).isNaN();
            }
        }
        assertThat(rows).isEqualTo(c.total());
        assertThat(columns).isEqualTo(c.total());
    }
}
