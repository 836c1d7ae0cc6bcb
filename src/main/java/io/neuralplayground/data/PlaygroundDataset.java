package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The six datasets of TF Playground, generated with the formulas of its {@code dataset.ts}, and five more of this
 * playground's own: three with k classes (blobs, spirals, rings; k = 3 … 6) and two with two (moons,
 * checkerboard).
 *
 * <p>Playground's {@code randUniform(a, b)} is {@link Rng#uniform(double, double) rng.uniform(a, b)} and its
 * {@code normalRandom} is {@link Rng#nextGaussian()} (both Marsaglia's polar method); the random numbers are drawn
 * in the same order as there, so the same sequence of uniforms gives the same points.
 *
 * <p>Playground's loops run {@code i < numSamples / 2} with a fractional bound, so an odd count gives one point
 * too many. Here every generator returns exactly {@code numSamples} points: the first class gets
 * ⌈numSamples/2⌉ and the second ⌊numSamples/2⌋ (for even counts, as in Playground, exactly half each).
 *
 * <p>A point's label is Playground's −1 or +1 for the two-class datasets and the class index 0 … k−1 for the
 * many-class ones. The new datasets give every class ⌊n/k⌋ points and one more to the first n mod k classes,
 * and keep every point inside [−6, 6]² (a noisy point is clamped to the square's edge).
 */
public enum PlaygroundDataset {
    /**
     * Two classes: +1 inside radius 2.5, −1 in the ring 3.5 … 5.
     *
     * <p>Per point, drawn in this order: r, angle ~ U(0, 2π), noiseX, noiseY ~ U(−5, 5)·noise;
     * (x, y) = (r·sin angle, r·cos angle); label = +1 if |(x + noiseX, y + noiseY)| &lt; 2.5, else −1.
     * The first half has r ~ U(0, 2.5), the second r ~ U(3.5, 5).
     */
    CIRCLE("circle", "Circle", true, 500),
    /**
     * Two classes by quadrant: x, y ~ U(−5, 5) pushed 0.3 away from the axes (x += x &gt; 0 ? 0.3 : −0.3), then
     * noiseX, noiseY ~ U(−5, 5)·noise; label = +1 if (x + noiseX)(y + noiseY) ≥ 0, else −1.
     */
    XOR("xor", "Exclusive or", true, 500),
    /**
     * Two Gaussian blobs: +1 around (2, 2), then −1 around (−2, −2); x = c_x + √v·N(0, 1), y = c_y + √v·N(0, 1)
     * with variance v = 0.5 + (4 − 0.5)·noise/0.5 (0.5 at noise 0, 4 at noise 0.5).
     */
    GAUSS("gauss", "Gaussian", true, 500),
    /**
     * Two interleaved spirals, n = numSamples/2: for Δt = 0 (label +1), then Δt = π (label −1), for i = 0 … n−1:
     * r = 5·i/n, t = 2π·1.75·i/n + Δt, x = r·sin t + U(−1, 1)·noise, y = r·cos t + U(−1, 1)·noise.
     */
    SPIRAL("spiral", "Spiral", true, 500),
    /**
     * Regression on a plane: x, y ~ U(−6, 6), noiseX, noiseY ~ U(−6, 6)·noise;
     * label = (x + noiseX + y + noiseY)/10 (Playground's linear scale [−10, 10] → [−1, 1], not clamped).
     */
    PLANE("plane", "Plane", false, 1200),
    /**
     * Regression on six signed bumps at (±4 or 0, ±2.5): x, y, noiseX, noiseY as for {@link #PLANE}; the label of
     * p = (x + noiseX, y + noiseY) is the value of largest magnitude among sign·clamp(1 − |p − c|/2, 0, 1) over the
     * centres c (Playground's clamped scale [0, 2] → [1, 0]), 0 if p is farther than 2 from every centre.
     */
    MULTIGAUSS("multigauss", "Multi Gaussian", false, 1200),
    /**
     * k Gaussian clusters, class c around (3.5·cos θ_c, 3.5·sin θ_c) with θ_c = π/2 + 2πc/k, standard deviation
     * 0.6 + 2.4·noise (0.6 at noise 0, 1.8 at noise 0.5) in both directions.
     */
    BLOBS("blobs", "Blobs", 3, 6),
    /**
     * k interleaved spiral arms, Playground's spiral with arm c turned by 2πc/k: for i = 0 … n_c − 1,
     * r = 5·i/n_c, t = 2π·1.75·i/n_c + 2πc/k, (x, y) = (r·sin t, r·cos t) + U(−1, 1)·noise·2 per coordinate (twice
     * Playground's noise: the arms are closer together).
     */
    SPIRALS("spirals", "Spiral arms", 3, 6),
    /**
     * scikit-learn's two moons scaled by 3.5 and centred: class 0 (−1) on the upper arc (cos t, sin t), class 1
     * (+1) on the lower arc (1 − cos t, 0.5 − sin t), t ~ U(0, π), both shifted by (−0.5, −0.25), then Gaussian
     * noise of standard deviation noise·3.5/2 per coordinate.
     */
    MOONS("moons", "Two moons", 2, 2),
    /**
     * A 4×4 checkerboard of 3 × 3 cells over [−6, 6]²: a point is drawn uniformly in a uniformly chosen cell of its
     * class's colour (class +1 where column + row is even), then moved by U(−3, 3)·noise per coordinate, keeping
     * the label of the cell it was drawn in, so noise blurs the edges.
     */
    CHECKERBOARD("checkerboard", "Checkerboard", 2, 2),
    /**
     * k concentric rings, class c at radius r_c = 5.5·(c + 0.5)/k ± U(−w, w) with w = 5.5/(4k), plus Gaussian noise
     * of standard deviation noise·5.5/k on the radius; angle ~ U(0, 2π). Class 0 is the disc in the middle.
     */
    RINGS("rings", "Rings", 3, 6);

    /** (cx, cy, sign) of the bumps of {@link #MULTIGAUSS}, in Playground's order (the order decides ties). */
    private static final double[][] GAUSSIANS = {
        {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1},
    };

    /** Guards against a typo in a count exhausting memory; far beyond anything a 2-D playground shows. */
    public static final int MAX_SAMPLES = 1_000_000;

    /** Playground's noise slider goes from 0 to 50 %. */
    public static final double MAX_NOISE = 0.5;

    private final String id;
    private final String displayName;
    private final int defaultSize;
    private final int minClasses;
    private final int maxClasses;

    /** One of Playground's six: two classes or regression. */
    PlaygroundDataset(String id, String displayName, boolean classification, int defaultSize) {
        this(id, displayName, defaultSize, classification ? 2 : 0, classification ? 2 : 0);
    }

    /** One of the new classification datasets, 500 points as Playground's, with k classes in the range given. */
    PlaygroundDataset(String id, String displayName, int minClasses, int maxClasses) {
        this(id, displayName, 500, minClasses, maxClasses);
    }

    /** Regression where {@code maxClasses} is 0, classification otherwise. */
    PlaygroundDataset(String id, String displayName, int defaultSize, int minClasses, int maxClasses) {
        this.id = id;
        this.displayName = displayName;
        this.defaultSize = defaultSize;
        this.minClasses = minClasses;
        this.maxClasses = maxClasses;
    }

    /** The short name used on the command line and in files: "circle", "xor" … */
    public String id() {
        return id;
    }

    /** The name Playground shows: "Circle", "Exclusive or" … */
    public String displayName() {
        return displayName;
    }

    public boolean isClassification() {
        return maxClasses > 0;
    }

    /** Whether this dataset has more than two classes (then a point's label is its class index). */
    public boolean isManyClass() {
        return minClasses > 2;
    }

    /** The fewest classes this dataset can have: 2 for the two-class datasets, 0 for regression. */
    public int minClasses() {
        return minClasses;
    }

    /** The most classes this dataset can have. */
    public int maxClasses() {
        return maxClasses;
    }

    /** The number of classes when none is chosen: the fewest. */
    public int defaultClasses() {
        return minClasses;
    }

    /**
     * {@code classes}, checked.
     *
     * @throws PlaygroundException if this dataset cannot have that many classes, saying how many it can
     */
    public int checkClasses(int classes) {
        if (classes < minClasses || classes > maxClasses) {
            throw new PlaygroundException("The " + id + " dataset cannot have " + classes + " classes: choose "
                    + (minClasses == maxClasses ? "exactly " + minClasses : "from " + minClasses + " to " + maxClasses));
        }
        return classes;
    }

    /** {@code classes} if this dataset can have that many, otherwise the nearest number it can have. */
    public int clampClasses(int classes) {
        return Math.max(minClasses, Math.min(maxClasses, classes));
    }

    /** Playground's number of points: 500 for classification, 1200 for regression. */
    public int defaultSize() {
        return defaultSize;
    }

    /** The dataset whose {@link #id()} is {@code name}, ignoring case and surrounding spaces. */
    public static PlaygroundDataset byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PlaygroundDataset d : values()) {
            if (d.id.equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown dataset '" + name + "': choose one of " + knownNames());
    }

    /** The ids of all datasets, comma-separated, for messages and help texts. */
    public static String knownNames() {
        return Arrays.stream(values()).map(PlaygroundDataset::id).collect(Collectors.joining(", "));
    }

    /**
     * {@code numSamples} points drawn from {@code rng}.
     *
     * @param noise Playground's noise, 0 … 0.5
     * @throws PlaygroundException if {@code numSamples} is not in 2 … {@link #MAX_SAMPLES} or the noise is not in
     *     0 … 0.5
     */
    public List<Point> generate(int numSamples, double noise, Rng rng) {
        return generate(numSamples, noise, defaultClasses(), rng);
    }

    /**
     * {@code numSamples} points of {@code classes} classes drawn from {@code rng}.
     *
     * @param noise Playground's noise, 0 … 0.5
     * @param classes from {@link #minClasses()} to {@link #maxClasses()}; ignored for regression
     * @throws PlaygroundException if {@code numSamples} is not in 2 … {@link #MAX_SAMPLES}, the noise is not in
     *     0 … 0.5, or this dataset cannot have that many classes
     */
    public List<Point> generate(int numSamples, double noise, int classes, Rng rng) {
        if (isClassification()) {
            checkClasses(classes);
        }
        if (numSamples < 2 || numSamples > MAX_SAMPLES) {
            throw new PlaygroundException("Cannot generate " + numSamples + " points for the " + id
                    + " dataset: choose a number of points from 2 to " + MAX_SAMPLES);
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new PlaygroundException("Noise " + noise + " is out of range for the " + id
                    + " dataset: choose a value from 0 to 0.5 (0 to 50 %)");
        }
        List<Point> points = new ArrayList<>(numSamples);
        int first = numSamples - numSamples / 2;
        int second = numSamples / 2;
        switch (this) {
            case CIRCLE -> {
                circle(points, first, 0, 2.5, noise, rng);
                circle(points, second, 3.5, 5, noise, rng);
            }
            case XOR -> xor(points, numSamples, noise, rng);
            case GAUSS -> {
                double variance = 0.5 + (4 - 0.5) * noise / 0.5;
                gauss(points, first, 2, 2, 1, variance, rng);
                gauss(points, second, -2, -2, -1, variance, rng);
            }
            case SPIRAL -> {
                // Playground's n = numSamples / 2 is a JavaScript (floating-point) division.
                double n = numSamples / 2.0;
                spiral(points, first, n, 0, 1, noise, rng);
                spiral(points, second, n, Math.PI, -1, noise, rng);
            }
            case PLANE, MULTIGAUSS -> regression(points, numSamples, noise, rng);
            case BLOBS -> ManyClassGenerators.blobs(points, numSamples, classes, noise, rng);
            case SPIRALS -> ManyClassGenerators.spirals(points, numSamples, classes, noise, rng);
            case RINGS -> ManyClassGenerators.rings(points, numSamples, classes, noise, rng);
            case MOONS -> ManyClassGenerators.moons(points, first, second, noise, rng);
            case CHECKERBOARD -> ManyClassGenerators.checkerboard(points, first, second, noise, rng);
        }
        return List.copyOf(points);
    }

    private static void circle(List<Point> out, int count, double rMin, double rMax, double noise, Rng rng) {
        double radius = 5;
        for (int i = 0; i < count; i++) {
            double r = rng.uniform(rMin, rMax);
            double angle = rng.uniform(0, 2 * Math.PI);
            double x = r * Math.sin(angle);
            double y = r * Math.cos(angle);
            double noiseX = rng.uniform(-radius, radius) * noise;
            double noiseY = rng.uniform(-radius, radius) * noise;
            double label = dist(x + noiseX, y + noiseY, 0, 0) < radius * 0.5 ? 1 : -1;
            out.add(new Point(x, y, label));
        }
    }

    private static void xor(List<Point> out, int count, double noise, Rng rng) {
        double padding = 0.3;
        for (int i = 0; i < count; i++) {
            double x = rng.uniform(-5, 5);
            x += x > 0 ? padding : -padding;
            double y = rng.uniform(-5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = rng.uniform(-5, 5) * noise;
            double noiseY = rng.uniform(-5, 5) * noise;
            double label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1;
            out.add(new Point(x, y, label));
        }
    }

    private static void gauss(List<Point> out, int count, double cx, double cy, double label, double variance,
            Rng rng) {
        double sd = Math.sqrt(variance);
        for (int i = 0; i < count; i++) {
            double x = cx + sd * rng.nextGaussian();
            double y = cy + sd * rng.nextGaussian();
            out.add(new Point(x, y, label));
        }
    }

    private static void spiral(List<Point> out, int count, double n, double deltaT, double label, double noise,
            Rng rng) {
        for (int i = 0; i < count; i++) {
            double r = i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + deltaT;
            double x = r * Math.sin(t) + rng.uniform(-1, 1) * noise;
            double y = r * Math.cos(t) + rng.uniform(-1, 1) * noise;
            out.add(new Point(x, y, label));
        }
    }

    private void regression(List<Point> out, int count, double noise, Rng rng) {
        double radius = 6;
        for (int i = 0; i < count; i++) {
            double x = rng.uniform(-radius, radius);
            double y = rng.uniform(-radius, radius);
            double noiseX = rng.uniform(-radius, radius) * noise;
            double noiseY = rng.uniform(-radius, radius) * noise;
            double px = x + noiseX;
            double py = y + noiseY;
            double label = this == PLANE ? planeLabel(px, py) : multiGaussLabel(px, py);
            out.add(new Point(x, y, label));
        }
    }

    /** (x + y)/10: Playground's scale [−10, 10] → [−1, 1], unclamped, so noise can push it to ±1.2. */
    static double planeLabel(double x, double y) {
        return (x + y) / 10;
    }

    /** The signed bump of largest magnitude at (x, y); a later bump wins only if strictly larger, as in Playground. */
    static double multiGaussLabel(double x, double y) {
        double label = 0;
        for (double[] g : GAUSSIANS) {
            double dist = dist(x, y, g[0], g[1]);
            double newLabel = g[2] * Math.min(1, Math.max(0, 1 - dist / 2));
            if (Math.abs(newLabel) > Math.abs(label)) {
                label = newLabel;
            }
        }
        return label;
    }

    /** Playground's {@code dist}; written out rather than {@link Math#hypot} so the last bit agrees with it. */
    private static double dist(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
