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
 * checking every one takes hours. A fault of backprop is rarely confined to a few parameters of a block (a wrong
 * derivative of an activation, a transposed product, a missing term touch every weight of a layer's kernel, or
 * every bias), so a sample that reaches into every block finds it with near certainty: a fault affecting a
 * fraction q of a block is missed by n parameters drawn from that block with probability (1 − q)ⁿ, for q = 1 % and
 * n = 1000 about e⁻¹⁰ ≈ 5·10⁻⁵.
 *
 * <p>So the sample is stratified by block, each layer's kernel and each layer's bias being one: a uniform sample
 * of a 2-100000-1 network would leave out the output layer's one bias 97 times in 100. Each block first gets
 * min(size, ⌊n / 2B⌋) of the n parameters (B blocks), so at most half of them; the rest are shared in proportion
 * to what each block has left (largest remainders, ties to the earlier block). Within a block the parameters are
 * drawn by Floyd's algorithm (Bentley and Floyd, "A sample of brilliance", CACM 30(9), 1987): distinct, every
 * subset of the size equally likely, O(size of the sample) in time and memory however large the block. The
 * indices are then sorted, so the check walks the layers in order. The same seed gives the same sample.
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

    /** {@link #random(int[], int, long)} over the blocks of {@code network}: each layer's kernel, then its bias. */
    public static ParameterSample random(Network network, int count, long seed) {
        int[] blocks = new int[2 * network.depth()];
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            blocks[2 * l] = layer.inputs() * layer.units();
            blocks[2 * l + 1] = layer.units();
        }
        return random(blocks, count, seed);
    }

    /**
     * {@code count} of the parameters of consecutive blocks of the given sizes, stratified by block and drawn at
     * random from the stream of {@code seed}; all of them if {@code count} is at least their number.
     */
    public static ParameterSample random(int[] blockSizes, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a sample needs at least one parameter, got " + count);
        }
        long sum = 0;
        for (int size : blockSizes) {
            if (size < 0) {
                throw new IllegalArgumentException("a block of " + size + " parameters");
            }
            sum += size;
        }
        if (sum > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(sum + " parameters are more than a flat index can count");
        }
        int total = (int) sum;
        if (count >= total) {
            return all(total);
        }
        int[] shares = shares(blockSizes, count);
        Rng rng = Rng.stream(seed, "gradient check sample");
        int[] indices = new int[count];
        int filled = 0;
        int first = 0;
        for (int b = 0; b < blockSizes.length; b++) {
            for (int local : floyd(blockSizes[b], shares[b], rng)) {
                indices[filled++] = first + local;
            }
            first += blockSizes[b];
        }
        Arrays.sort(indices);
        return new ParameterSample(total, indices, OptionalLong.of(seed));
    }

    /** How many of {@code count} each block gets: a floor for every block, the rest in proportion to what is left. */
    private static int[] shares(int[] sizes, int count) {
        int floor = count / (2 * sizes.length);
        int[] shares = new int[sizes.length];
        long left = count;
        long room = 0;
        for (int b = 0; b < sizes.length; b++) {
            shares[b] = Math.min(sizes[b], floor);
            left -= shares[b];
            room += sizes[b] - shares[b];
        }
        // left ≤ room because count < total; each block gets ⌊left·roomᵦ/room⌋, at most its room.
        long[] remainders = new long[sizes.length];
        long given = 0;
        for (int b = 0; b < sizes.length; b++) {
            long product = left * (sizes[b] - shares[b]);
            shares[b] += (int) (product / room);
            given += product / room;
            remainders[b] = product % room;
        }
        // The few still to give, one each to the largest remainders: those blocks have room, since a remainder
        // above 0 means the block got less than its exact share, which is at most its room.
        for (long k = given; k < left; k++) {
            int best = -1;
            for (int b = 0; b < sizes.length; b++) {
                if (remainders[b] > 0 && (best < 0 || remainders[b] > remainders[best])) {
                    best = b;
                }
            }
            shares[best]++;
            remainders[best] = 0;
        }
        return shares;
    }

    /** {@code n} distinct numbers of 0 … size−1, every n-subset equally likely (Floyd). */
    private static Set<Integer> floyd(int size, int n, Rng rng) {
        Set<Integer> chosen = new HashSet<>(Math.max(16, 2 * n));
        // After the step for j, chosen is a uniform random subset of 0 … j of the size reached so far.
        for (int j = size - n; j < size; j++) {
            int t = rng.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen;
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
