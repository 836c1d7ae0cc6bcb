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
        ParameterSample a = ParameterSample.random(1_000_000, 1000, 7);
        ParameterSample b = ParameterSample.random(1_000_000, 1000, 7);
        ParameterSample c = ParameterSample.random(1_000_000, 1000, 8);
        assertThat(a.indices()).isEqualTo(b.indices());
        assertThat(a.indices()).isNotEqualTo(c.indices());
        assertThat(a.seed()).hasValue(7);
        assertThat(a.isAll()).isFalse();
        assertThat(a.size()).isEqualTo(1000);
        assertThat(a.total()).isEqualTo(1_000_000);
    }

    @Test
    void aSampleHoldsDistinctIndicesInRangeAscending() {
        int[] indices = ParameterSample.random(50, 49, 3).indices();
        assertThat(indices).hasSize(49).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(indices).allMatch(i -> i >= 0 && i < 50)).isTrue();
    }

    @Test
    void everyIndexIsAsLikelyAsAnother() {
        // 4000 samples of 3 of 10: each index is drawn 1200 times in expectation, with a standard deviation of
        // about 29; the bounds are six of them, so this fails only if the sample is biased.
        int[] counts = new int[10];
        for (int seed = 0; seed < 4000; seed++) {
            for (int i : ParameterSample.random(10, 3, seed).indices()) {
                counts[i]++;
            }
        }
        assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(1200 - 174, 1200 + 174));
    }

    @Test
    void asManyAsThereAreOrMoreIsAll() {
        assertThat(ParameterSample.random(13, 13, 1).isAll()).isTrue();
        assertThat(ParameterSample.random(13, 100, 1).isAll()).isTrue();
        assertThat(ParameterSample.random(13, 100, 1).seed()).isEmpty();
        assertThat(ParameterSample.all(4).indices()).containsExactly(0, 1, 2, 3);
        assertThatThrownBy(() -> ParameterSample.random(13, 0, 1)).isInstanceOf(IllegalArgumentException.class);
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
        ParameterSample sample = ParameterSample.random(check.parameterCount(), 17, 5);
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
