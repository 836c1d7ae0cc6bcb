package io.neuralplayground.data;

import io.neuralplayground.engine.Rng;
import java.util.List;

/**
 * The generators of the datasets this playground adds to TF Playground's six; their formulas are documented on
 * the {@link PlaygroundDataset} constants. Every class gets ⌊n/k⌋ points and the first n mod k one more, and every
 * point is kept inside [−6, 6]², the plane the window draws.
 */
final class ManyClassGenerators {
    /** Half the side of the square the points stay in. */
    static final double EXTENT = 6;

    private ManyClassGenerators() {
    }

    static void blobs(List<Point> out, int n, int k, double noise, Rng rng) {
        double sd = 0.6 + 2.4 * noise;
        for (int c = 0; c < k; c++) {
            double angle = Math.PI / 2 + 2 * Math.PI * c / k;
            double cx = 3.5 * Math.cos(angle);
            double cy = 3.5 * Math.sin(angle);
            for (int i = 0; i < share(n, k, c); i++) {
                out.add(point(cx + sd * rng.nextGaussian(), cy + sd * rng.nextGaussian(), c));
            }
        }
    }

    static void spirals(List<Point> out, int n, int k, double noise, Rng rng) {
        for (int c = 0; c < k; c++) {
            int count = share(n, k, c);
            double turn = 2 * Math.PI * c / k;
            for (int i = 0; i < count; i++) {
                double r = 5.0 * i / count;
                double t = 1.75 * i / count * 2 * Math.PI + turn;
                double x = r * Math.sin(t) + rng.uniform(-1, 1) * noise * 2;
                double y = r * Math.cos(t) + rng.uniform(-1, 1) * noise * 2;
                out.add(point(x, y, c));
            }
        }
    }

    static void rings(List<Point> out, int n, int k, double noise, Rng rng) {
        double band = 5.5 / k;
        for (int c = 0; c < k; c++) {
            double centre = band * (c + 0.5);
            for (int i = 0; i < share(n, k, c); i++) {
                double r = Math.abs(centre + rng.uniform(-band / 4, band / 4) + noise * band * rng.nextGaussian());
                double angle = rng.uniform(0, 2 * Math.PI);
                out.add(point(r * Math.cos(angle), r * Math.sin(angle), c));
            }
        }
    }

    /** Two classes, Playground's labels: −1 on the upper moon, +1 on the lower one. */
    static void moons(List<Point> out, int upper, int lower, double noise, Rng rng) {
        double scale = 3.5;
        double sd = noise * scale / 2;
        for (int i = 0; i < upper + lower; i++) {
            boolean isUpper = i < upper;
            double t = rng.uniform(0, Math.PI);
            double x = isUpper ? Math.cos(t) : 1 - Math.cos(t);
            double y = isUpper ? Math.sin(t) : 0.5 - Math.sin(t);
            out.add(point((x - 0.5) * scale + sd * rng.nextGaussian(), (y - 0.25) * scale + sd * rng.nextGaussian(),
                    isUpper ? -1 : 1));
        }
    }

    /** Two classes, Playground's labels: +1 in the cells whose column + row is even, −1 in the others. */
    static void checkerboard(List<Point> out, int even, int odd, double noise, Rng rng) {
        int cells = 4;
        double size = 2 * EXTENT / cells;
        for (int i = 0; i < even + odd; i++) {
            boolean isEven = i < even;
            // The 8 cells of one colour: row r, and in it the column of that colour at position 0 or 1.
            int pick = (int) Math.floor(rng.uniform(0, cells * cells / 2.0));
            int row = pick / 2;
            int column = 2 * (pick % 2) + ((row + (isEven ? 0 : 1)) % 2);
            double x = -EXTENT + (column + rng.uniform(0, 1)) * size + rng.uniform(-3, 3) * noise;
            double y = -EXTENT + (row + rng.uniform(0, 1)) * size + rng.uniform(-3, 3) * noise;
            out.add(point(x, y, isEven ? 1 : -1));
        }
    }

    /** Class c's number of points: ⌊n/k⌋, one more for the first n mod k classes. */
    static int share(int n, int k, int c) {
        return n / k + (c < n % k ? 1 : 0);
    }

    private static Point point(double x, double y, double label) {
        return new Point(clamp(x), clamp(y), label);
    }

    private static double clamp(double v) {
        return Math.max(-EXTENT, Math.min(EXTENT, v));
    }
}
