package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.testing.Python;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Fisher's Iris (datasets/iris.csv): 4 standardized features, 8 relu units, softmax with categorical cross-entropy,
 * Adam at 0.01, batch 10, seed 1 and the project's default split (half of the 150 flowers for training), with the
 * project's defaults otherwise (Playground's initial weights, reshuffling, a smaller last batch). Beside it
 * scikit-learn's MLPClassifier with the same layer, optimizer and batch, trained on the same split.
 */
class IrisTest {
    private static final Path IRIS = Path.of("datasets/iris.csv");
    private static final int EPOCHS = 200;

    private static PreparedRun prepare() {
        return TrainingPlan.builder()
                .data(new DataSource.Loaded(CsvDatasetReader.read(IRIS, "species", LabelKind.AUTO)))
                .seed(1)
                .standardize(true)
                .hidden(8)
                .hiddenActivation(Activation.RELU)
                .outputActivation(Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSSENTROPY)
                .optimizer(Optimizer.adam())
                .learningRate(0.01)
                .batchSize(10)
                .build().prepare();
    }

    private static EpochResult train(Trainer trainer) {
        EpochResult result = null;
        for (int e = 0; e < EPOCHS; e++) {
            result = trainer.runEpoch();
        }
        return result;
    }

    @Test
    void theDataAreFishersIris() {
        Dataset iris = CsvDatasetReader.read(IRIS, "species", LabelKind.AUTO);
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.columnNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.classCounts()).containsExactly(50, 50, 50);
    }

    @Test
    void reachesNinetyFivePercentOnTheTestPartWithin200Epochs() {
        PreparedRun run = prepare();
        assertThat(run.features().size()).isEqualTo(4);
        assertThat(run.split().test().size()).isEqualTo(75);
        assertThat(run.network().describe()).isEqualTo("4-8-3");
        EpochResult result = train(run.trainer());
        System.out.printf("Iris, %d epochs: test accuracy %.4f (train %.4f)%n", EPOCHS, result.testAccuracy(),
                result.trainAccuracy());
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(run.trainer().confusion(true).orElseThrow().accuracy()).isEqualTo(result.testAccuracy());
    }

    /** The same split, standardized as the project trained on it, handed to scikit-learn; its figure is logged. */
    @Test
    void scikitLearnsMlpClassifierOnTheSameSplit() {
        Python.require("numpy", "sklearn");
        PreparedRun run = prepare();
        EpochResult ours = train(run.trainer());
        FeatureSet features = run.features();
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train_x", features.rows(run.split().train()));
        split.put("train_y", classes(run.split().train()));
        split.put("test_x", features.rows(run.split().test()));
        split.put("test_y", classes(run.split().test()));
        JsonNode sklearn = Python.runScript("sklearn_mlp.py", split);
        double theirs = sklearn.get("test_accuracy").asDouble();
        System.out.printf("Iris on the same split (75 training, 75 test flowers): Neural Playground test accuracy "
                + "%.4f after %d epochs; scikit-learn's MLPClassifier %.4f after %d epochs (train %.4f, %s)%n",
                ours.testAccuracy(), EPOCHS, theirs, sklearn.get("epochs").asInt(),
                sklearn.get("train_accuracy").asDouble(),
                sklearn.get("converged").asBoolean() ? "converged" : "stopped at max_iter");
        assertThat(ours.testAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(theirs).as("scikit-learn's figure is a fraction of the 75 test flowers").isBetween(0.0, 1.0);
    }

    private static List<Integer> classes(Dataset part) {
        return IntStream.range(0, part.size()).map(part::classIndex).boxed().toList();
    }
}
