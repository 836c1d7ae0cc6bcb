package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetTest {
    /** n examples whose one column and label both hold the example's original index, to trace splits. */
    private static Dataset indexed(int n) {
        double[][] rows = new double[n][];
        double[] labels = new double[n];
        for (int r = 0; r < n; r++) {
            rows[r] = new double[] {r};
            labels[r] = r;
        }
        return Dataset.regression("indexed", List.of("i"), rows, labels);
    }

    private static List<Integer> indices(Dataset d) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            assertThat(d.label(r)).isEqualTo(d.value(r, 0));
            out.add((int) d.value(r, 0));
        }
        return out;
    }

    @Test
    void playgroundClassificationMapsMinusOneToClassZeroAndPlusOneToClassOne() {
        List<Point> points = PlaygroundDataset.XOR.generate(300, 0.1, new Rng(5));
        Dataset d = Dataset.playground(PlaygroundDataset.XOR, 300, 0.1, new Rng(5));
        assertThat(d.size()).isEqualTo(300);
        assertThat(d.columnNames()).containsExactly("x1", "x2");
        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(d.classNames()).containsExactly("-1", "+1");
        assertThat(d.classCount()).isEqualTo(2);
        for (int r = 0; r < 300; r++) {
            Point p = points.get(r);
            assertThat(d.row(r)).containsExactly(p.x1(), p.x2());
            assertThat(d.classIndex(r)).isEqualTo(p.label() > 0 ? 1 : 0);
        }
        int[] counts = d.classCounts();
        assertThat(counts[0] + counts[1]).isEqualTo(300);
        assertThat(d.name()).isEqualTo("Exclusive or, 300 points, noise 10%");
    }

    @Test
    void concatKeepsBothPartsInOrderAndOnlyJoinsLikeDatasets() {
        Dataset first = Dataset.ofPoints("a", List.of(new Point(1, 2, -1)), Dataset.PLAYGROUND_CLASSES);
        Dataset second = Dataset.ofPoints("b", List.of(new Point(3, 4, 1), new Point(5, 6, 0)),
                Dataset.PLAYGROUND_CLASSES);
        Dataset both = first.concat(second, "a + b");
        assertThat(both.name()).isEqualTo("a + b");
        assertThat(both.size()).isEqualTo(3);
        assertThat(both.row(0)).containsExactly(1, 2);
        assertThat(both.row(2)).containsExactly(5, 6);
        assertThat(both.classIndex(0)).isZero();
        assertThat(both.classIndex(1)).isOne();
        assertThat(both.classIndex(2)).isZero();
        assertThat(both.classNames()).isEqualTo(Dataset.PLAYGROUND_CLASSES);
        Dataset values = Dataset.ofPoints("v", List.of(new Point(1, 2, 0.5)), List.of());
        assertThat(values.label(0)).isEqualTo(0.5);
        assertThatThrownBy(() -> first.concat(values, "mixed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values.concat(indexed(1), "columns")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void playgroundRegressionKeepsTheLabels() {
        List<Point> points = PlaygroundDataset.MULTIGAUSS.generate(100, 0.25, new Rng(6));
        Dataset d = Dataset.playground(PlaygroundDataset.MULTIGAUSS, 100, 0.25, new Rng(6));
        assertThat(d.task()).isEqualTo(Task.REGRESSION);
        assertThat(d.classCount()).isZero();
        assertThat(d.classNames()).isEmpty();
        for (int r = 0; r < 100; r++) {
            assertThat(d.label(r)).isEqualTo(points.get(r).label());
        }
        assertThat(d.name()).isEqualTo("Multi Gaussian, 100 points, noise 25%");
        assertThatThrownBy(() -> d.classIndex(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void playgroundRejectsBadNoiseAndCountsWithAUserMessage() {
        assertThatThrownBy(() -> Dataset.playground(PlaygroundDataset.CIRCLE, 500, 0.7, new Rng(1)))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("0.7");
        assertThatThrownBy(() -> Dataset.playground(PlaygroundDataset.CIRCLE, 1, 0.1, new Rng(1)))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("1 points");
    }

    @Test
    void isImmutable() {
        double[][] rows = {{1, 2}, {3, 4}};
        double[] values = {0.5, 0.25};
        Dataset d = Dataset.regression("r", List.of("a", "b"), rows, values);
        rows[0][0] = 99;
        values[0] = 99;
        d.row(1)[0] = 99;
        d.labels()[1] = 99;
        assertThat(d.row(0)).containsExactly(1, 2);
        assertThat(d.row(1)).containsExactly(3, 4);
        assertThat(d.labels()).containsExactly(0.5, 0.25);
        assertThatThrownBy(() -> d.columnNames().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void factoriesRejectPartsThatDoNotFit() {
        List<String> ab = List.of("a", "b");
        assertThatThrownBy(() -> Dataset.regression("r", ab, new double[][] {{1}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.regression("r", ab, new double[][] {{1, 2}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.regression("r", List.of("a", "a"), new double[][] {{1, 2}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.regression("r", ab, new double[][] {{1, Double.NaN}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.classification("c", ab, new double[][] {{1, 2}}, new int[] {2},
                List.of("x", "y"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.classification("c", ab, new double[][] {{1, 2}}, new int[] {0},
                List.of("x", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5, 0.7, 0.9, 1.0})
    void splitSizesAreFloorOfNTimesRatio(double ratio) {
        for (int n : new int[] {2, 7, 10, 500, 1201}) {
            int expected = (int) Math.floor(n * ratio + 1e-9);
            if (expected == 0) {
                continue;
            }
            Split s = indexed(n).split(ratio, new Rng(n));
            assertThat(s.train().size()).as("n=%d ratio=%s", n, ratio).isEqualTo(expected);
            assertThat(s.test().size()).isEqualTo(n - expected);
        }
    }

    @Test
    void splitOfAPercentageCountsAsPlaygroundsIntegerPercentages() {
        // 100 · 0.29 is 28.999999999999996 in floating point; Playground computes 100 · 29 / 100 = 29.
        assertThat(indexed(100).split(0.29, new Rng(1)).train().size()).isEqualTo(29);
        assertThat(indexed(100).split(0.57, new Rng(1)).train().size()).isEqualTo(57);
    }

    @Property(tries = 200)
    void splitIsAShuffledPartition(@ForAll @IntRange(min = 2, max = 600) int n,
            @ForAll @DoubleRange(min = 0.5, max = 1.0) double ratio, @ForAll long seed) {
        Split s = indexed(n).split(ratio, new Rng(seed));
        List<Integer> all = new ArrayList<>(indices(s.train()));
        all.addAll(indices(s.test()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, n).boxed().toList());
        assertThat(s.train().size()).isEqualTo((int) Math.floor(n * ratio + 1e-9));
    }

    @Test
    void splitIsTheFisherYatesShuffleOfTheGivenRng() {
        Rng rng = new Rng(77);
        int[] order = IntStream.range(0, 50).toArray();
        new Rng(rng.state()).shuffle(order);
        Split s = indexed(50).split(0.8, rng);
        assertThat(indices(s.train())).containsExactlyElementsOf(
                IntStream.of(order).limit(40).boxed().toList());
        assertThat(indices(s.test())).containsExactlyElementsOf(
                IntStream.of(order).skip(40).boxed().toList());
    }

    @Test
    void splitIsDeterministicUnderASeedAndDiffersBetweenSeeds() {
        Dataset d = indexed(200);
        assertThat(indices(d.split(0.5, new Rng(3)).train())).isEqualTo(indices(d.split(0.5, new Rng(3)).train()));
        assertThat(indices(d.split(0.5, new Rng(3)).train())).isNotEqualTo(indices(d.split(0.5, new Rng(4)).train()));
    }

    @Test
    void splitKeepsColumnsTaskAndClasses() {
        Dataset d = Dataset.playground(PlaygroundDataset.SPIRAL, 100, 0, new Rng(2));
        Split s = d.split(0.5, new Rng(2));
        for (Dataset part : List.of(s.train(), s.test())) {
            assertThat(part.columnNames()).containsExactly("x1", "x2");
            assertThat(part.classNames()).containsExactly("-1", "+1");
            assertThat(part.task()).isEqualTo(Task.CLASSIFICATION);
        }
        assertThat(s.train().name()).endsWith("(training)");
        assertThat(s.test().name()).endsWith("(test)");
    }

    @Test
    void splitWithRatioOneLeavesAnEmptyTestSet() {
        Split s = indexed(10).split(1.0, new Rng(1));
        assertThat(s.train().size()).isEqualTo(10);
        assertThat(s.test().isEmpty()).isTrue();
    }

    @Test
    void splitRejectsRatiosOutsideZeroToOne() {
        for (double ratio : new double[] {0, -0.5, 1.01, 50, Double.NaN}) {
            assertThatThrownBy(() -> indexed(10).split(ratio, new Rng(1)))
                    .isInstanceOf(PlaygroundException.class)
                    .hasMessageContaining("Training ratio")
                    .hasMessageContaining("above 0 and at most 1");
        }
    }

    @Test
    void splitRejectsARatioThatLeavesNothingToTrainOn() {
        assertThatThrownBy(() -> indexed(5).split(0.1, new Rng(1)))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("none of the 5 examples")
                .hasMessageContaining("raise the ratio");
    }
}
