package io.neuralplayground.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which parameters of a network a {@link GradientCheck} checks: all of them, or a random sample. A parameter is
 * named by its flat index, counting layer by layer, in each layer the kernel row-major and then the bias: the order
 * of {@link GradientCheck.Result#entries()}.
 *
 * <p>Why sample: the check evaluates the loss four times per parameter, so on a network of millions of parameters
 * checking every one takes hours. An error in backprop is rarely confined to a few parameters (a wrong derivative
 * of an activation, a transposed product, a missing term of a layer touch every weight of that layer), so a
 * uniform sample of ten thousand finds it with near certainty: a fault affecting a fraction q of the parameters is
 * missed by a sample of n with probability (1 − q)ⁿ, for q = 0.1 % and n = 10,000 about e⁻¹⁰ ≈ 5·10⁻⁵.
 *
 * <p>The sample is drawn by Floyd's algorithm (Bentley and Floyd, "A sample of brilliance", CACM 30(9), 1987): n
 * distinct indices of 0 … M−1, each n-subset equally likely, in n draws and O(n) memory however large M is; then
 * sorted, so the check walks the layers in order. The same seed gives the same sample.
 */
public final class ParameterSample {
    private final int total;
    /** Ascending; null for all, which a network of 10⁸ parameters would otherwise hold as 400 MB of indices. */
    private final int[] indices;
    private final OptionalLong seed;

    private ParameterSample(int total, int[] indices, OptionalLong seed) {
        this.total = total;
        this.indices = indices;
        this.seed = seed;
    }

    /** Every one of {@code total} parameters. */
    public static ParameterSample all(int total) {
        if (total < 0) {
            throw new IllegalArgumentException("a network has no negative number of parameters: " + total);
        }
        return new ParameterSample(total, null, OptionalLong.empty());
    }

    /**
     * {@code count} of {@code total} parameters drawn at random from the stream of {@code seed}, or all of them if
     * {@code count} is at least {@code total}.
     */
    public static ParameterSample random(int total, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a sample needs at least one parameter, got " + count);
        }
        if (count >= total) {
            return all(total);
        }
        Rng rng = Rng.stream(seed, "gradient check sample");
        Set<Integer> chosen = new HashSet<>(count * 2);
        // Floyd: after the step for j, chosen is a uniform random subset of 0 … j of the size reached so far.
        for (int j = total - count; j < total; j++) {
            int t = rng.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        int[] sorted = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new ParameterSample(total, sorted, OptionalLong.of(seed));
    }

    /** How many parameters the network has. */
    public int total() {
        return total;
    }

    /** How many parameters are checked. */
    public int size() {
        return indices == null ? total : indices.length;
    }

    /** Whether every parameter is checked. */
    public boolean isAll() {
        return indices == null;
    }

    /** The seed of a random sample; empty when every parameter is checked. */
    public OptionalLong seed() {
        return seed;
    }

    /** The checked parameters' flat indices, ascending. */
    public int[] indices() {
        if (indices == null) {
            int[] every = new int[total];
            Arrays.setAll(every, i -> i);
            return every;
        }
        return indices.clone();
    }

    /** The flat index of the i-th checked parameter. */
    int index(int i) {
        return indices == null ? i : indices[i];
    }
}
