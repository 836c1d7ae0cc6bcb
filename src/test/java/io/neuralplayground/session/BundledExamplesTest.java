package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Dataset;
import org.junit.jupiter.api.Test;

/** The CSV examples of File ▸ Open example, read from the application's own resources as the window reads them. */
class BundledExamplesTest {

    @Test
    void irisHasFourMeasurementsAndThreeSpecies() {
        Dataset iris = DataFile.example("iris.csv", "species").dataset();
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.columnNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void breastCancerHasThirtyMeasurementsAndTwoDiagnoses() {
        DataFile cancer = DataFile.example("breast-cancer.csv", "diagnosis");
        Dataset data = cancer.dataset();
        assertThat(data.size()).isEqualTo(569);
        assertThat(data.columnNames()).hasSize(30).startsWith("mean_radius", "mean_texture")
                .endsWith("worst_fractal_dimension");
        assertThat(cancer.columns()).as("every column on").hasSize(30);
        assertThat(data.classNames()).containsExactlyInAnyOrder("benign", "malignant");
        long malignant = java.util.stream.IntStream.range(0, data.size())
                .filter(r -> data.classNames().get(data.classIndex(r)).equals("malignant")).count();
        assertThat(malignant).as("as scikit-learn's description counts them").isEqualTo(212);
    }

    @Test
    void anExampleThatDoesNotShipIsNamed() {
        assertThatThrownBy(() -> DataFile.example("nope.csv", "label")).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("nope.csv");
    }
}
