package io.neuralplayground.engine;

/**
 * The project's random-number generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014), whose whole state is one {@code long}.
 *
 * <p>Why not {@link java.util.Random}: a session file must store the generator's state and restore it exactly,
 * so that continuing a saved run gives the same numbers bit for bit; here the state is {@link #state()} and
 * {@link #Rng(long) new Rng(state)} restores it. Independent streams for data, initialisation and shuffling
 * come from one seed through {@link #stream(long, String)}, so that changing, say, the batch size does not
 * change the data.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** A generator whose state is {@code state}; also restores a generator saved with {@link #state()}. */
    public Rng(long state) {
        this.state = state;
    }

    /**
     * A generator for one purpose ("data", "init", "shuffle" …) derived from the user's seed: the same seed and
     * purpose always give the same stream, different purposes give unrelated streams.
     */
    public static Rng stream(long seed, String purpose) {
        long h = seed;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix64(h ^ purpose.charAt(i)) + GOLDEN_GAMMA;
        }
        return new Rng(mix64(h));
    }

    /** Continues from a state saved with {@link #state()}. */
    public void restore(long savedState) {
        state = savedState;
    }

    /** The whole state; {@code new Rng(state())} continues exactly where this one is. */
    public long state() {
        return state;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's method with rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * A standard normal deviate by Marsaglia's polar method, the one TF Playground's {@code normalRandom} uses.
     * The second deviate of each pair is dropped, as there, so the state stays one {@code long}.
     */
    public double nextGaussian() {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        return Math.sqrt(-2 * Math.log(s) / s) * v1;
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
