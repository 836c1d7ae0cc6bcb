package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetTest {
    private final Dataset circle = Dataset.playground(PlaygroundDataset.CIRCLE, 40, 0.1, new Rng(1));
    private final Dataset abc = Dataset.regression("abc.csv", List.of("a", "b", "c"),
            new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {0, 1});
    private final Dataset withX = Dataset.regression("withx.csv", List.of("z", "x2", "x1"),
            new double[][] {{7, 2, 3}, {8, -1, 0.5}}, new double[] {0, 1});

    @Test
    void defaultIsX1X2ForPlaygroundDataAndEveryColumnOtherwise() {
        assertThat(FeatureSet.defaultFor(circle).names()).containsExactly("x1", "x2");
        assertThat(FeatureSet.defaultFor(withX).names()).containsExactly("x1", "x2");
        assertThat(FeatureSet.defaultFor(abc).names()).containsExactly("a", "b", "c");
    }

    @Test
    void allIsTheSevenPlaygroundFeaturesForPlaygroundData() {
        FeatureSet all = FeatureSet.resolve(circle, "all");
        assertThat(all.names()).containsExactly("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2");
        assertThat(all.labels()).containsExactly("X₁", "X₂", "X₁²", "X₂²", "X₁X₂", "sin(X₁)", "sin(X₂)");
        assertThat(all).isEqualTo(FeatureSet.of(circle, Feature.parseList("all")));
        assertThat(FeatureSet.resolve(circle, List.of(" ALL "))).isEqualTo(all);
        assertThat(FeatureSet.allFor(abc).names()).containsExactly("a", "b", "c");
        assertThat(FeatureSet.allFor(withX).names())
                .containsExactly("z", "x2", "x1", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2");
    }

    @Test
    void rowsComputeEachFeatureOfEachExample() {
        FeatureSet set = FeatureSet.resolve(circle, "x2, x1sq, x1x2, sinx1, sinx2, x2sq, x1");
        double[][] rows = set.rows(circle);
        assertThat(rows).hasNumberOfRows(40);
        for (int r = 0; r < 40; r++) {
            double x1 = circle.value(r, 0);
            double x2 = circle.value(r, 1);
            assertThat(rows[r]).containsExactly(x2, x1 * x1, x1 * x2, Math.sin(x1), Math.sin(x2), x2 * x2, x1);
            assertThat(set.valuesAt(x1, x2)).containsExactly(rows[r]);
        }
        assertThat(set.size()).isEqualTo(7);
        assertThat(set.isFunctionOfX1X2()).isTrue();
    }

    @Test
    void rawColumnsAndDerivedFeaturesMixByName() {
        FeatureSet set = FeatureSet.resolve(withX, List.of("z", "sinx1", "x1"));
        assertThat(set.rows(withX)).isDeepEqualTo(new double[][] {{7, Math.sin(3), 3}, {8, Math.sin(0.5), 0.5}});
        assertThat(set.labels()).containsExactly("z", "sin(X₁)", "X₁");
        assertThat(set.isFunctionOfX1X2()).isFalse();
        assertThatThrownBy(() -> set.valuesAt(1, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rawColumnNamesMatchUpToCaseWhenUnambiguous() {
        assertThat(FeatureSet.resolve(abc, "B, a").names()).containsExactly("b", "a");
    }

    @Test
    void theSameSetAppliesToEveryPartOfASplit() {
        FeatureSet set = FeatureSet.resolve(circle, "x1, x1x2");
        Split split = circle.split(0.5, new Rng(2));
        double[][] train = set.rows(split.train());
        assertThat(train).hasNumberOfRows(20);
        assertThat(train[0]).containsExactly(split.train().value(0, 0),
                split.train().value(0, 0) * split.train().value(0, 1));
    }

    @Test
    void unknownNamesAreNamedWithWhatIsAvailable() {
        assertThatThrownBy(() -> FeatureSet.resolve(circle, "x1, cosx1"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("'cosx1'")
                .hasMessageContaining("x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2");
        assertThatThrownBy(() -> FeatureSet.resolve(abc, List.of("a", "d")))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("'d'")
                .hasMessageContaining("abc.csv")
                .hasMessageContaining("a, b, c");
    }

    @Test
    void derivedFeaturesNeedColumnsX1AndX2() {
        assertThatThrownBy(() -> FeatureSet.resolve(abc, "a, sinx1"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("'sinx1'")
                .hasMessageContaining("x1 and x2")
                .hasMessageContaining("a, b, c");
    }

    @Test
    void duplicatesAndEmptyListsAreRejected() {
        assertThatThrownBy(() -> FeatureSet.resolve(circle, "x1, X1"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("'x1' is chosen twice");
        assertThatThrownBy(() -> FeatureSet.resolve(circle, ""))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("No input features");
        assertThatThrownBy(() -> FeatureSet.resolve(circle, "x1,,x2"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("empty entry");
    }

    @Test
    void rowsOfADatasetWithoutTheNeededColumnSayWhichIsMissing() {
        FeatureSet set = FeatureSet.resolve(circle, "x1, x2sq");
        assertThatThrownBy(() -> set.rows(abc))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("abc.csv has no column 'x1'")
                .hasMessageContaining("a, b, c");
    }
}
