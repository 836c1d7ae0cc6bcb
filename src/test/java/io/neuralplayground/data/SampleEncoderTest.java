package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.engine.TargetEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleEncoderTest {
    private final Dataset gauss = Dataset.playground(PlaygroundDataset.GAUSS, 20, 0, new Rng(4));
    private final Dataset plane = Dataset.playground(PlaygroundDataset.PLANE, 10, 0, new Rng(4));
    private final Dataset three = Dataset.classification("three.csv", List.of("x1", "x2"),
            new double[][] {{0, 0}, {1, 1}, {2, 2}}, new int[] {0, 2, 1}, List.of("a", "b", "c"));

    @Test
    void signedTargetsArePlaygroundsMinusOneAndPlusOne() {
        FeatureSet features = FeatureSet.resolve(gauss, "x1, x2, x1x2");
        Samples s = SampleEncoder.encode(gauss, features, TargetEncoding.SIGNED, 1);
        assertThat(s.count()).isEqualTo(20);
        assertThat(s.features()).isEqualTo(3);
        assertThat(s.targetColumns()).isEqualTo(1);
        double[][] rows = features.rows(gauss);
        for (int r = 0; r < 20; r++) {
            assertThat(s.inputRow(r)).containsExactly(rows[r]);
            // GAUSS: first half +1 (class 1), second half −1 (class 0).
            assertThat(s.target(r, 0)).isEqualTo(r < 10 ? 1.0 : -1.0);
        }
    }

    @Test
    void oneHotAndClassIndexTargets() {
        FeatureSet features = FeatureSet.defaultFor(three);
        Samples oneHot = SampleEncoder.encode(three, features, TargetEncoding.ONE_HOT, 3);
        assertThat(oneHot.targetRow(1)).containsExactly(0, 0, 1);
        assertThat(oneHot.targetRow(2)).containsExactly(0, 1, 0);
        Samples sparse = SampleEncoder.encode(three, features, TargetEncoding.CLASS_INDEX, 3);
        assertThat(sparse.targetColumns()).isEqualTo(1);
        assertThat(sparse.targetRow(1)).containsExactly(2);
        Samples unit = SampleEncoder.encode(gauss, FeatureSet.defaultFor(gauss), TargetEncoding.UNIT, 1);
        assertThat(unit.target(0, 0)).isEqualTo(1.0);
        assertThat(unit.target(19, 0)).isEqualTo(0.0);
    }

    @Test
    void regressionTargetsAreTheLabels() {
        Samples s = SampleEncoder.encode(plane, FeatureSet.defaultFor(plane), TargetEncoding.VALUE, 1);
        for (int r = 0; r < 10; r++) {
            assertThat(s.target(r, 0)).isEqualTo(plane.label(r));
            assertThat(s.target(r, 0)).isEqualTo((s.input(r, 0) + s.input(r, 1)) / 10);
        }
    }

    @Test
    void anEmptyTestSetKeepsItsWidths() {
        Dataset empty = gauss.split(1.0, new Rng(1)).test();
        Samples s = SampleEncoder.encode(empty, FeatureSet.resolve(gauss, "all"), TargetEncoding.ONE_HOT, 2);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.features()).isEqualTo(7);
        assertThat(s.targetColumns()).isEqualTo(2);
    }

    @Test
    void mismatchesBetweenTaskEncodingAndOutputsAreExplained() {
        FeatureSet f = FeatureSet.defaultFor(gauss);
        assertThatThrownBy(() -> SampleEncoder.encode(plane, f, TargetEncoding.SIGNED, 1))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("regression dataset");
        assertThatThrownBy(() -> SampleEncoder.encode(gauss, f, TargetEncoding.VALUE, 1))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("classification dataset");
        assertThatThrownBy(() -> SampleEncoder.encode(three, f, TargetEncoding.SIGNED, 1))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("3 classes")
                .hasMessageContaining("use 3 output units");
        assertThatThrownBy(() -> SampleEncoder.encode(three, f, TargetEncoding.ONE_HOT, 2))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("set the output layer to 3 units");
        assertThatThrownBy(() -> SampleEncoder.encode(gauss, f, TargetEncoding.UNIT, 2))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("need one output unit");
        assertThatThrownBy(() -> SampleEncoder.encode(plane, f, TargetEncoding.VALUE, 0))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("at least one");
    }
}
