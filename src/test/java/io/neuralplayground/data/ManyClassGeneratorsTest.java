package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The five datasets this playground adds: balanced, inside [−6, 6]², reproducible, and what their names say. */
class ManyClassGeneratorsTest {
    private static final List<PlaygroundDataset> NEW = List.of(PlaygroundDataset.BLOBS, PlaygroundDataset.SPIRALS,
            PlaygroundDataset.MOONS, PlaygroundDataset.CHECKERBOARD, PlaygroundDataset.RINGS);

    /** Every new kind with every number of classes it can have, at several sizes and noises. */
    static Stream<Arguments> cases() {
        return NEW.stream().flatMap(kind -> java.util.stream.IntStream.rangeClosed(kind.minClasses(),
                kind.maxClasses()).boxed().flatMap(k -> Stream.of(
                        Arguments.of(kind, k, 500, 0.0), Arguments.of(kind, k, 503, 0.5), Arguments.of(kind, k, 7, 0.25))));
    }

    @ParameterizedTest(name = "{0}, {1} classes, {2} points, noise {3}")
    @MethodSource("cases")
    void classesAreBalancedAndPointsStayInTheSquare(PlaygroundDataset kind, int classes, int n, double noise) {
        Dataset data = Dataset.playground(kind, n, noise, classes, new Rng(7));

        assertThat(data.size()).isEqualTo(n);
        assertThat(data.classCount()).isEqualTo(classes);
        int[] counts = data.classCounts();
        int fewest = java.util.Arrays.stream(counts).min().orElseThrow();
        int most = java.util.Arrays.stream(counts).max().orElseThrow();
        assertThat(most - fewest).as("class counts %s", java.util.Arrays.toString(counts)).isLessThanOrEqualTo(1);
        for (int r = 0; r < n; r++) {
            assertThat(data.value(r, 0)).isBetween(-6.0, 6.0);
            assertThat(data.value(r, 1)).isBetween(-6.0, 6.0);
        }
    }

    @ParameterizedTest(name = "{0}, {1} classes, {2} points, noise {3}")
    @MethodSource("cases")
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers(PlaygroundDataset kind, int classes, int n, double noise) {
        List<Point> first = kind.generate(n, noise, classes, new Rng(42));
        assertThat(kind.generate(n, noise, classes, new Rng(42))).isEqualTo(first);
        assertThat(kind.generate(n, noise, classes, new Rng(43))).isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(value = PlaygroundDataset.class, names = {"BLOBS", "SPIRALS", "RINGS"})
    void manyClassKindsLabelPointsByClassIndexAndNameTheirClasses(PlaygroundDataset kind) {
        List<Point> points = kind.generate(60, 0.1, 4, new Rng(3));
        assertThat(points).extracting(Point::label).containsOnly(0.0, 1.0, 2.0, 3.0);

        Dataset data = Dataset.playground(kind, 60, 0.1, 4, new Rng(3));
        assertThat(data.classNames()).containsExactly("0", "1", "2", "3");
        assertThat(data.name()).startsWith(kind.displayName() + ", 4 classes, 60 points");
    }

    @ParameterizedTest
    @EnumSource(value = PlaygroundDataset.class, names = {"MOONS", "CHECKERBOARD"})
    void twoClassKindsUsePlaygroundsLabels(PlaygroundDataset kind) {
        assertThat(kind.generate(60, 0.1, new Rng(3))).extracting(Point::label).containsOnly(-1.0, 1.0);
        assertThat(Dataset.playground(kind, 60, 0.1, new Rng(3)).classNames()).isEqualTo(Dataset.PLAYGROUND_CLASSES);
    }

    @ParameterizedTest
    @EnumSource(value = PlaygroundDataset.class, names = {"BLOBS", "SPIRALS", "RINGS", "MOONS", "CIRCLE"})
    void aNumberOfClassesTheKindCannotHaveIsRefusedWithItsRange(PlaygroundDataset kind) {
        assertThatThrownBy(() -> kind.generate(100, 0, kind.maxClasses() + 1, new Rng(1)))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("cannot have " + (kind.maxClasses() + 1) + " classes");
    }

    @ParameterizedTest
    @EnumSource(value = PlaygroundDataset.class, names = {"BLOBS", "RINGS"})
    void withoutNoiseTheClassesAreSeparatedAsTheirFormulasSay(PlaygroundDataset kind) {
        // Rings: radii fall in the class's own band. Blobs (Gaussian, so a few stray): 99 % of the points are
        // nearer their own centre than another's.
        int k = 5;
        List<Point> points = kind.generate(500, 0, k, new Rng(9));
        int nearOwn = 0;
        for (Point p : points) {
            int c = (int) p.label();
            if (kind == PlaygroundDataset.RINGS) {
                double band = 5.5 / k;
                assertThat(Math.hypot(p.x1(), p.x2())).isBetween(band * (c + 0.25) - 1e-12, band * (c + 0.75) + 1e-12);
            } else if (nearestBlob(p, k) == c) {
                nearOwn++;
            }
        }
        if (kind == PlaygroundDataset.BLOBS) {
            assertThat(nearOwn).isGreaterThanOrEqualTo(495);
        }
    }

    private static int nearestBlob(Point p, int k) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double angle = Math.PI / 2 + 2 * Math.PI * c / k;
            double d = Math.hypot(p.x1() - 3.5 * Math.cos(angle), p.x2() - 3.5 * Math.sin(angle));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
