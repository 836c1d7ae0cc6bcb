package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import org.junit.jupiter.api.Test;

class FeatureTest {
    @Test
    void idsLabelsAndValuesAreTfPlaygrounds() {
        assertThat(Feature.values()).extracting(Feature::id)
                .containsExactly("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2");
        assertThat(Feature.values()).extracting(Feature::label)
                .containsExactly("X₁", "X₂", "X₁²", "X₂²", "X₁X₂", "sin(X₁)", "sin(X₂)");
        double x1 = 1.5;
        double x2 = -2;
        assertThat(Feature.values()).extracting(f -> f.apply(x1, x2))
                .containsExactly(1.5, -2.0, 2.25, 4.0, -3.0, Math.sin(1.5), Math.sin(-2));
    }

    @Test
    void byNameIgnoresCaseAndListsKnownNamesWhenUnknown() {
        assertThat(Feature.byName("SinX1")).isEqualTo(Feature.SIN_X1);
        assertThat(Feature.byName(" x1x2 ")).isEqualTo(Feature.X1_TIMES_X2);
        assertThatThrownBy(() -> Feature.byName("cosx1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cosx1'")
                .hasMessageContaining("x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2");
    }

    @Test
    void parseListReadsCommaSeparatedNamesInOrder() {
        assertThat(Feature.parseList("sinx2, x1 ,X1SQ")).containsExactly(Feature.SIN_X2, Feature.X1,
                Feature.X1_SQUARED);
        assertThat(Feature.parseList("x2")).containsExactly(Feature.X2);
    }

    @Test
    void parseListReadsAllAsTheSevenInOrder() {
        assertThat(Feature.parseList("all")).containsExactly(Feature.values());
        assertThat(Feature.parseList(" ALL ")).containsExactly(Feature.values());
    }

    @Test
    void parseListRejectsUnknownNamesDuplicatesAndEmptyEntries() {
        assertThatThrownBy(() -> Feature.parseList("x1,cos"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("Unknown feature 'cos'")
                .hasMessageContaining("sinx2")
                .hasMessageContaining("'all'");
        assertThatThrownBy(() -> Feature.parseList("x1,x2,X1"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("'x1' is listed twice");
        assertThatThrownBy(() -> Feature.parseList("x1,,x2"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("empty entry");
        assertThatThrownBy(() -> Feature.parseList("x1,"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("empty entry");
        assertThatThrownBy(() -> Feature.parseList("  "))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("No input features");
        assertThatThrownBy(() -> Feature.parseList("all,x1"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("Unknown feature 'all'");
    }
}
