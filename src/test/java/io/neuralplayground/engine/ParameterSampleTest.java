package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which parameters a gradient check checks: every one, or a seeded uniform sample, and the check on a sample. */
class ParameterSampleTest {
    @Test
    void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
        ParameterSample a = ParameterSample.random(new int[] {1_000_000}, 1000, 7);
        ParameterSample b = ParameterSample.random(new int[] {1_000_000}, 1000, 7);
        ParameterSample c = ParameterSample.random(new int[] {1_000_000}, 1000, 8);
        assertThat(a.indices()).isEqualTo(b.indices());
        assertThat(a.indices()).isNotEqualTo(c.indices());
        assertThat(a.seed()).hasValue(7);
        assertThat(a.isAll()).isFalse();
        assertThat(a.size()).isEqualTo(1000);
        assertThat(a.total()).isEqualTo(1_000_000);
    }

    @Test
    void aSampleHoldsDistinctIndicesInRangeAscending() {
        int[] indices = ParameterSample.random(new int[] {20, 30}, 49, 3).indices();
        assertThat(indices).hasSize(49).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(indices).allMatch(i -> i >= 0 && i < 50)).isTrue();
    }

    @Test
    void everyIndexIsAsLikelyAsAnother() {
        // 4000 samples of 3 of 10: each index is drawn 1200 times in expectation, with a standard deviation of
        // about 29; the bounds are six of them, so this fails only if the sample is biased.
        int[] counts = new int[10];
        for (int seed = 0; seed < 4000; seed++) {
            for (int i : ParameterSample.random(new int[] {10}, 3, seed).indices()) {
                counts[i]++;
            }
        }
        assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(1200 - 174, 1200 + 174));
    }

    @Test
    void everyBlockGetsItsShareEvenTheOutputBias() {
        // 2-100000-1: kernels of 200000 and 100000, biases of 100000 and 1. A uniform sample of 10000 would hold
        // the output bias with probability 1 in 40; each block gets at least ⌊10000 / 8⌋ = 1250 or all it has,
        // then the rest in proportion to what is left.
        Network network = Network.of(2, new int[] {100_000}, Activation.TANH, 1, Activation.SIGMOID);
        int[] indices = ParameterSample.random(network, 10_000, 1).indices();
        int[] perBlock = new int[4];
        int[] starts = {0, 200_000, 300_000, 400_000, 400_001};
        for (int i : indices) {
            for (int b = 0; b < 4; b++) {
                if (i >= starts[b] && i < starts[b + 1]) {
                    perBlock[b]++;
                }
            }
        }
        assertThat(indices).hasSize(10_000).isSorted().doesNotHaveDuplicates();
        assertThat(perBlock[3]).isEqualTo(1);
        assertThat(perBlock[0] + perBlock[1] + perBlock[2]).isEqualTo(9999);
        // 1250 each, then the 6249 left shared 2 : 1 : 1 by what the blocks have left (198750, 98750, 98750).
        assertThat(perBlock[0]).isBetween(1250 + 3133, 1250 + 3135);
        assertThat(perBlock[1]).isBetween(1250 + 1556, 1250 + 1558);
        assertThat(perBlock[2]).isBetween(1250 + 1556, 1250 + 1558);
    }

    @Test
    void aSampleSmallerThanTheBlocksStillHasExactlyItsSize() {
        for (int count = 1; count < 12; count++) {
            ParameterSample sample = ParameterSample.random(new int[] {5, 1, 3, 1, 2, 0, 1}, count, count);
            assertThat(sample.indices()).as("count %d", count).hasSize(count).isSorted().doesNotHaveDuplicates();
            assertThat(Arrays.stream(sample.indices()).allMatch(i -> i >= 0 && i < 13)).isTrue();
        }
    }

    @Test
    void asManyAsThereAreOrMoreIsAll() {
        assertThat(ParameterSample.random(new int[] {9, 4}, 13, 1).isAll()).isTrue();
        assertThat(ParameterSample.random(new int[] {9, 4}, 100, 1).isAll()).isTrue();
        assertThat(ParameterSample.random(new int[] {9, 4}, 100, 1).seed()).isEmpty();
        assertThat(ParameterSample.all(4).indices()).containsExactly(0, 1, 2, 3);
        assertThatThrownBy(() -> ParameterSample.random(new int[] {9, 4}, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSampledCheckGivesTheEntriesOfTheFullCheckForItsParameters() {
        Network network = Network.of(3, new int[] {5, 4}, Activation.TANH, 2, Activation.SIGMOID);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(2));
        double[][] inputs = {{0.5, -1, 0.25}, {1, 0.3, -0.7}};
        double[][] targets = {{1, 0}, {0, 1}};
        GradientCheck.Result full = GradientCheck.run(network, Loss.BINARY_CROSSENTROPY, inputs, targets);

        GradientCheck check = GradientCheck.of(network, Loss.BINARY_CROSSENTROPY, inputs, targets);
        assertThat(check.parameterCount()).isEqualTo(network.parameterCount()).isEqualTo(20 + 24 + 10);
        ParameterSample sample = ParameterSample.random(network, 17, 5);
        List<String> progress = new ArrayList<>();
        GradientCheck.Result part = check.run(sample, (done, of) -> progress.add(done + "/" + of));

        int[] indices = sample.indices();
        assertThat(part.entries()).hasSize(17);
        for (int i = 0; i < indices.length; i++) {
            assertThat(part.entries().get(i)).isEqualTo(full.entries().get(indices[i]));
        }
        // The sample crosses the layer boundaries, and has kernel entries and biases.
        assertThat(part.entries()).extracting(GradientCheck.Entry::layer).contains(0, 1, 2);
        assertThat(part.entries()).extracting(GradientCheck.Entry::bias).contains(true, false);
        assertThat(progress).hasSize(17).startsWith("1/17").endsWith("17/17");
        assertThat(part.maxRelativeError()).isLessThan(1e-6);
        // The network the check was made from is not changed, and the loss is the trace's.
        assertThat(check.meanLoss()).isEqualTo(
                BackpropTrace.of(network, Loss.BINARY_CROSSENTROPY, inputs, targets).meanLoss());
    }

    @Test
    void aSampleMustFitTheNetwork() {
        Network network = Network.of(2, new int[0], Activation.TANH, 1, Activation.SIGMOID);
        GradientCheck check = GradientCheck.of(network, Loss.BINARY_CROSSENTROPY, new double[][] {{0, 1}},
                new double[][] {{1}});
        assertThatThrownBy(() -> check.run(ParameterSample.all(4), GradientCheck.Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
