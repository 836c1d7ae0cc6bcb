package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaygroundDatasetTest {
    private static List<Point> generate(PlaygroundDataset kind, int n, double noise, long seed) {
        return kind.generate(n, noise, new Rng(seed));
    }

    private static long count(List<Point> points, double label) {
        return points.stream().filter(p -> p.label() == label).count();
    }

    @Test
    void idsNamesAndKinds() {
        assertThat(PlaygroundDataset.values()).extracting(PlaygroundDataset::id)
                .containsExactly("circle", "xor", "gauss", "spiral", "plane", "multigauss", "blobs", "spirals",
                        "moons", "checkerboard", "rings");
        assertThat(PlaygroundDataset.values()).filteredOn(PlaygroundDataset::isClassification)
                .containsExactly(PlaygroundDataset.CIRCLE, PlaygroundDataset.XOR, PlaygroundDataset.GAUSS,
                        PlaygroundDataset.SPIRAL, PlaygroundDataset.BLOBS, PlaygroundDataset.SPIRALS,
                        PlaygroundDataset.MOONS, PlaygroundDataset.CHECKERBOARD, PlaygroundDataset.RINGS);
        assertThat(PlaygroundDataset.values()).filteredOn(PlaygroundDataset::isManyClass)
                .containsExactly(PlaygroundDataset.BLOBS, PlaygroundDataset.SPIRALS, PlaygroundDataset.RINGS);
        assertThat(PlaygroundDataset.CIRCLE.defaultSize()).isEqualTo(500);
        assertThat(PlaygroundDataset.SPIRAL.defaultSize()).isEqualTo(500);
        assertThat(PlaygroundDataset.PLANE.defaultSize()).isEqualTo(1200);
        assertThat(PlaygroundDataset.MULTIGAUSS.defaultSize()).isEqualTo(1200);
    }

    @Test
    void byNameIgnoresCaseAndListsKnownNamesWhenUnknown() {
        assertThat(PlaygroundDataset.byName("Spiral")).isEqualTo(PlaygroundDataset.SPIRAL);
        assertThat(PlaygroundDataset.byName(" MULTIGAUSS ")).isEqualTo(PlaygroundDataset.MULTIGAUSS);
        assertThatThrownBy(() -> PlaygroundDataset.byName("lunes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lunes'")
                .hasMessageContaining("circle, xor, gauss, spiral, plane, multigauss, blobs, spirals, moons, checkerboard, rings");
    }

    @ParameterizedTest
    @EnumSource(PlaygroundDataset.class)
    void givesExactlyTheRequestedNumberOfPoints(PlaygroundDataset kind) {
        for (int n : new int[] {2, 3, 7, 500, 1201}) {
            assertThat(generate(kind, n, 0.2, 1)).hasSize(n);
        }
    }

    @ParameterizedTest
    @EnumSource(PlaygroundDataset.class)
    void sameSeedSamePointsDifferentSeedDifferentPoints(PlaygroundDataset kind) {
        assertThat(generate(kind, 200, 0.3, 42)).isEqualTo(generate(kind, 200, 0.3, 42));
        assertThat(generate(kind, 200, 0.3, 42)).isNotEqualTo(generate(kind, 200, 0.3, 43));
    }

    @ParameterizedTest
    @EnumSource(PlaygroundDataset.class)
    void rejectsNoiseOutsidePlaygroundsRangeAndTooFewPoints(PlaygroundDataset kind) {
        Rng rng = new Rng(1);
        for (double noise : new double[] {-0.01, 0.51, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> kind.generate(100, noise, rng))
                    .isInstanceOf(PlaygroundException.class)
                    .hasMessageContaining("Noise")
                    .hasMessageContaining("0 to 0.5");
        }
        for (int n : new int[] {-3, 0, 1, PlaygroundDataset.MAX_SAMPLES + 1}) {
            assertThatThrownBy(() -> kind.generate(n, 0, rng))
                    .isInstanceOf(PlaygroundException.class)
                    .hasMessageContaining(Integer.toString(n))
                    .hasMessageContaining("from 2 to");
        }
        assertThat(kind.generate(2, 0.5, rng)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = PlaygroundDataset.class, names = {"CIRCLE", "XOR", "GAUSS", "SPIRAL"})
    void classificationLabelsAreMinusOneOrPlusOne(PlaygroundDataset kind) {
        assertThat(generate(kind, 500, 0.5, 3)).extracting(Point::label).containsOnly(-1.0, 1.0);
    }

    // ---- circle ----

    @Test
    void circleDrawsRadiusAngleThenNoiseAsPlayground() {
        double noise = 0.3;
        Rng rng = new Rng(9);
        Rng copy = new Rng(rng.state());
        Point first = PlaygroundDataset.CIRCLE.generate(4, noise, rng).get(0);
        double r = copy.uniform(0, 2.5);
        double angle = copy.uniform(0, 2 * Math.PI);
        double noiseX = copy.uniform(-5, 5) * noise;
        double noiseY = copy.uniform(-5, 5) * noise;
        double x = r * Math.sin(angle);
        double y = r * Math.cos(angle);
        double label = Math.sqrt((x + noiseX) * (x + noiseX) + (y + noiseY) * (y + noiseY)) < 2.5 ? 1 : -1;
        assertThat(first).isEqualTo(new Point(x, y, label));
    }

    @Test
    void circleWithoutNoiseIsHalfInsideHalfOutsideLabelledByRadius() {
        List<Point> points = generate(PlaygroundDataset.CIRCLE, 500, 0, 5);
        for (int i = 0; i < 500; i++) {
            Point p = points.get(i);
            double r = Math.hypot(p.x1(), p.x2());
            if (i < 250) {
                assertThat(r).isLessThan(2.5 + 1e-12);
            } else {
                assertThat(r).isBetween(3.5 - 1e-12, 5.0 + 1e-12);
            }
            assertThat(p.label()).isEqualTo(r < 2.5 ? 1.0 : -1.0);
        }
        assertThat(count(points, 1)).isEqualTo(250);
        assertThat(count(points, -1)).isEqualTo(250);
    }

    @Test
    void circleNoiseMovesTheLabelNotThePoint() {
        List<Point> points = generate(PlaygroundDataset.CIRCLE, 1000, 0.5, 5);
        assertThat(points).allSatisfy(p -> assertThat(Math.hypot(p.x1(), p.x2())).isLessThanOrEqualTo(5.0));
        long flipped = points.stream().filter(p -> p.label() != (Math.hypot(p.x1(), p.x2()) < 2.5 ? 1 : -1)).count();
        assertThat(flipped).isBetween(50L, 500L);
    }

    // ---- xor ----

    @Test
    void xorDrawsXYThenNoiseAsPlayground() {
        double noise = 0.2;
        Rng rng = new Rng(11);
        Rng copy = new Rng(rng.state());
        Point first = PlaygroundDataset.XOR.generate(2, noise, rng).get(0);
        double x = copy.uniform(-5, 5);
        x += x > 0 ? 0.3 : -0.3;
        double y = copy.uniform(-5, 5);
        y += y > 0 ? 0.3 : -0.3;
        double noiseX = copy.uniform(-5, 5) * noise;
        double noiseY = copy.uniform(-5, 5) * noise;
        assertThat(first).isEqualTo(new Point(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1));
    }

    @Test
    void xorWithoutNoiseIsLabelledByQuadrantAwayFromTheAxes() {
        List<Point> points = generate(PlaygroundDataset.XOR, 2000, 0, 8);
        assertThat(points).allSatisfy(p -> {
            assertThat(Math.abs(p.x1())).isBetween(0.3, 5.3);
            assertThat(Math.abs(p.x2())).isBetween(0.3, 5.3);
            assertThat(p.label()).isEqualTo(Math.signum(p.x1()) == Math.signum(p.x2()) ? 1.0 : -1.0);
        });
        assertThat(count(points, 1)).isBetween(900L, 1100L);
    }

    @Test
    void xorNoiseFlipsSomeLabels() {
        List<Point> points = generate(PlaygroundDataset.XOR, 2000, 0.5, 8);
        long flipped = points.stream()
                .filter(p -> p.label() != (Math.signum(p.x1()) == Math.signum(p.x2()) ? 1 : -1)).count();
        assertThat(flipped).isBetween(100L, 1000L);
        assertThat(count(points, 1)).isBetween(900L, 1100L);
    }

    // ---- gauss ----

    @Test
    void gaussIsTwoBlobsOfEqualSizeAroundPlusAndMinusTwo() {
        List<Point> points = generate(PlaygroundDataset.GAUSS, 20000, 0, 13);
        List<Point> positive = points.subList(0, 10000);
        List<Point> negative = points.subList(10000, 20000);
        assertThat(positive).extracting(Point::label).containsOnly(1.0);
        assertThat(negative).extracting(Point::label).containsOnly(-1.0);
        assertThat(mean(positive, true)).isCloseTo(2, within(0.05));
        assertThat(mean(positive, false)).isCloseTo(2, within(0.05));
        assertThat(mean(negative, true)).isCloseTo(-2, within(0.05));
        assertThat(variance(negative, false)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void gaussVarianceGrowsLinearlyFromHalfToFourWithNoise() {
        assertThat(variance(generate(PlaygroundDataset.GAUSS, 20000, 0.5, 13).subList(0, 10000), true))
                .isCloseTo(4, within(0.3));
        assertThat(variance(generate(PlaygroundDataset.GAUSS, 20000, 0.25, 13).subList(0, 10000), true))
                .isCloseTo(2.25, within(0.15));
    }

    @Test
    void gaussUsesTheGeneratorsNormalsAsPlayground() {
        Rng rng = new Rng(21);
        Rng copy = new Rng(rng.state());
        Point first = PlaygroundDataset.GAUSS.generate(2, 0.5, rng).get(0);
        double sd = Math.sqrt(4);
        assertThat(first).isEqualTo(new Point(2 + sd * copy.nextGaussian(), 2 + sd * copy.nextGaussian(), 1));
    }

    // ---- spiral ----

    @Test
    void spiralWithoutNoiseLiesExactlyOnTheFormula() {
        List<Point> points = generate(PlaygroundDataset.SPIRAL, 500, 0, 17);
        double n = 250;
        for (int i = 0; i < 250; i++) {
            double r = i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI;
            assertOn(points.get(i), r * Math.sin(t), r * Math.cos(t), 1);
            double tNeg = t + Math.PI;
            assertOn(points.get(250 + i), r * Math.sin(tNeg), r * Math.cos(tNeg), -1);
        }
    }

    /** Exact equality that counts −0 and 0 as equal (the generator adds the zero noise term, as Playground). */
    private static void assertOn(Point p, double x, double y, double label) {
        assertThat(p.x1()).isCloseTo(x, within(0.0));
        assertThat(p.x2()).isCloseTo(y, within(0.0));
        assertThat(p.label()).isEqualTo(label);
    }

    @Test
    void spiralNoiseMovesEachCoordinateByAtMostTheNoise() {
        List<Point> points = generate(PlaygroundDataset.SPIRAL, 500, 0.5, 17);
        List<Point> exact = generate(PlaygroundDataset.SPIRAL, 500, 0, 17);
        double maxShift = 0;
        for (int i = 0; i < 500; i++) {
            double dx = Math.abs(points.get(i).x1() - exact.get(i).x1());
            double dy = Math.abs(points.get(i).x2() - exact.get(i).x2());
            assertThat(dx).isLessThanOrEqualTo(0.5);
            assertThat(dy).isLessThanOrEqualTo(0.5);
            assertThat(points.get(i).label()).isEqualTo(exact.get(i).label());
            maxShift = Math.max(maxShift, Math.max(dx, dy));
        }
        assertThat(maxShift).isGreaterThan(0.4);
        assertThat(count(points, 1)).isEqualTo(250);
    }

    // ---- plane ----

    @Test
    void planeLabelIsTheScaledSumAndStaysInPlaygroundsRange() {
        List<Point> points = generate(PlaygroundDataset.PLANE, 1200, 0, 19);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.x1()).isBetween(-6.0, 6.0);
            assertThat(p.x2()).isBetween(-6.0, 6.0);
            assertThat(p.label()).isEqualTo((p.x1() + p.x2()) / 10);
            assertThat(p.label()).isBetween(-1.2, 1.2);
        });
    }

    @Test
    void planeNoiseChangesLabelsButNotTheRangeOfPoints() {
        List<Point> points = generate(PlaygroundDataset.PLANE, 1200, 0.5, 19);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.x1()).isBetween(-6.0, 6.0);
            assertThat(Math.abs(p.label() - (p.x1() + p.x2()) / 10)).isLessThanOrEqualTo(0.6);
        });
        assertThat(points).anySatisfy(p -> assertThat(Math.abs(p.label())).isGreaterThan(1.2));
        assertThat(points).allSatisfy(p -> assertThat(p.label()).isBetween(-1.8, 1.8));
    }

    @Test
    void planeDrawsXYThenNoiseAsPlayground() {
        Rng rng = new Rng(23);
        Rng copy = new Rng(rng.state());
        Point first = PlaygroundDataset.PLANE.generate(2, 0.1, rng).get(0);
        double x = copy.uniform(-6, 6);
        double y = copy.uniform(-6, 6);
        double noiseX = copy.uniform(-6, 6) * 0.1;
        double noiseY = copy.uniform(-6, 6) * 0.1;
        assertThat(first).isEqualTo(new Point(x, y, (x + noiseX + y + noiseY) / 10));
    }

    // ---- multigauss ----

    @Test
    void multiGaussLabelsAtHandCheckedPoints() {
        assertThat(PlaygroundDataset.multiGaussLabel(-4, 2.5)).isEqualTo(1.0);
        assertThat(PlaygroundDataset.multiGaussLabel(0, 2.5)).isEqualTo(-1.0);
        assertThat(PlaygroundDataset.multiGaussLabel(4, -2.5)).isEqualTo(-1.0);
        assertThat(PlaygroundDataset.multiGaussLabel(0, -2.5)).isEqualTo(1.0);
        // Distance 1 from (−4, 2.5), 3 or more from every other centre.
        assertThat(PlaygroundDataset.multiGaussLabel(-5, 2.5)).isEqualTo(0.5);
        assertThat(PlaygroundDataset.multiGaussLabel(-4, 3.5)).isEqualTo(0.5);
        // Distance 1 from (0, −2.5): sign +1.
        assertThat(PlaygroundDataset.multiGaussLabel(0, -3.5)).isEqualTo(0.5);
        // Farther than 2 from every centre.
        assertThat(PlaygroundDataset.multiGaussLabel(-2, 0)).isEqualTo(0.0);
        // Halfway between (−4, 2.5) (+) and (0, 2.5) (−): equal magnitude, the first one wins.
        assertThat(PlaygroundDataset.multiGaussLabel(-2, 2.5)).isEqualTo(0.0);
        assertThat(PlaygroundDataset.multiGaussLabel(-2.5, 2.5)).isCloseTo(0.25, within(1e-15));
        assertThat(PlaygroundDataset.multiGaussLabel(-1.5, 2.5)).isCloseTo(-0.25, within(1e-15));
    }

    @Test
    void multiGaussPointsAreLabelledByTheirBumpAndStayInRange() {
        List<Point> points = generate(PlaygroundDataset.MULTIGAUSS, 1200, 0, 29);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.x1()).isBetween(-6.0, 6.0);
            assertThat(p.x2()).isBetween(-6.0, 6.0);
            assertThat(p.label()).isBetween(-1.0, 1.0);
            assertThat(p.label()).isEqualTo(PlaygroundDataset.multiGaussLabel(p.x1(), p.x2()));
        });
        assertThat(points).anySatisfy(p -> assertThat(p.label()).isGreaterThan(0.8));
        assertThat(points).anySatisfy(p -> assertThat(p.label()).isLessThan(-0.8));
        List<Point> noisy = generate(PlaygroundDataset.MULTIGAUSS, 1200, 0.5, 29);
        assertThat(noisy).allSatisfy(p -> assertThat(p.label()).isBetween(-1.0, 1.0));
        assertThat(noisy).anySatisfy(p ->
                assertThat(p.label()).isNotEqualTo(PlaygroundDataset.multiGaussLabel(p.x1(), p.x2())));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 501})
    void oddCountsGiveTheExtraPointToTheFirstClass(int n) {
        for (PlaygroundDataset kind : List.of(PlaygroundDataset.CIRCLE, PlaygroundDataset.GAUSS,
                PlaygroundDataset.SPIRAL)) {
            List<Point> points = generate(kind, n, 0, 31);
            assertThat(count(points, 1)).as(kind.id()).isEqualTo(n - n / 2);
            assertThat(count(points, -1)).as(kind.id()).isEqualTo(n / 2);
        }
    }

    private static double mean(List<Point> points, boolean x) {
        return points.stream().mapToDouble(p -> x ? p.x1() : p.x2()).average().orElseThrow();
    }

    private static double variance(List<Point> points, boolean x) {
        double m = mean(points, x);
        return points.stream().mapToDouble(p -> {
            double d = (x ? p.x1() : p.x2()) - m;
            return d * d;
        }).average().orElseThrow();
    }
}
