package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.Standardization;
import io.neuralplayground.data.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A CSV file read in the Open data… dialog, with what the user chose for it: the whole file as read, and how to
 * train on it. Nothing is split or standardized yet; whoever trains on it does both, in this order:
 *
 * <ol>
 *   <li>split the examples with {@link #trainRatio()} and {@link #seed()} (Playground's split,
 *       {@link Dataset#split}: shuffled once, the first ⌊N·ratio⌋ for training);</li>
 *   <li>if {@link #standardize()}, fit the z-scores on the <em>training part only</em>
 *       ({@link Standardization#fit}) and apply that one fit to both parts, so that the test examples stay
 *       unseen.</li>
 * </ol>
 *
 * @param path        the file read
 * @param dataset     every example of the file, with the raw values of the chosen feature columns (in the file's
 *                    order) and its labels: class indices for classification, values for regression
 * @param labelColumn the label column's name as the file spells it
 * @param labelKind   how the labels were read: {@link LabelKind#CLASSIFICATION} or {@link LabelKind#REGRESSION},
 *                    never {@link LabelKind#AUTO} (when the user left it to the guess, what the guess decided on the
 *                    whole file), so the same file read with it again gives the same dataset
 * @param standardize whether to standardize the features (z-scores fitted on the training part)
 * @param trainRatio  the fraction of the examples to train on, 0.1 … 0.9
 * @param seed        the seed of the split (the playground's seed when the dialog opened, unless changed)
 */
public record CsvImport(Path path, Dataset dataset, String labelColumn, LabelKind labelKind, boolean standardize,
        double trainRatio, long seed) {
    /** The fewest examples a file may have: one to train on and one to test with. */
    public static final int MIN_EXAMPLES = 2;
    /** The training ratio's range, as the playground's slider has it. */
    public static final double MIN_TRAIN_RATIO = 0.1;
    public static final double MAX_TRAIN_RATIO = 0.9;

    public CsvImport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(labelColumn, "labelColumn");
        if (labelKind == null || labelKind == LabelKind.AUTO) {
            throw new IllegalArgumentException("the label kind used is classification or regression, not "
                    + labelKind);
        }
        if ((labelKind == LabelKind.CLASSIFICATION) != dataset.isClassification()) {
            throw new IllegalArgumentException("labels read as " + labelKind + " but the dataset is "
                    + dataset.task());
        }
        if (dataset.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException("at least " + MIN_EXAMPLES + " examples, not " + dataset.size());
        }
        if (!(trainRatio >= MIN_TRAIN_RATIO - 1e-9 && trainRatio <= MAX_TRAIN_RATIO + 1e-9)) {
            throw new IllegalArgumentException("training ratio " + trainRatio + " is outside 0.1 … 0.9");
        }
    }

    /** The chosen feature columns, in the file's order: the dataset's columns. */
    public List<String> featureColumns() {
        return dataset.columnNames();
    }

    /**
     * What was read, for a notice: "150 examples, 3 classes (setosa, versicolor, virginica) in 'species', 4 feature
     * columns: sepal_length, sepal_width, petal_length, petal_width".
     */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(dataset.size()).append(" examples, ");
        if (dataset.task() == Task.CLASSIFICATION) {
            s.append(dataset.classCount()).append(" classes (").append(listed(dataset.classNames(), 10))
                    .append(") in '").append(labelColumn).append('\'');
        } else {
            s.append("regression on '").append(labelColumn).append('\'');
        }
        List<String> features = featureColumns();
        s.append(", ").append(features.size()).append(features.size() == 1 ? " feature column: " : " feature columns: ")
                .append(listed(features, 20));
        s.append(String.format(Locale.ROOT, "; %s, %d %% for training, seed %d",
                standardize ? "standardized" : "raw values", Math.round(trainRatio * 100), seed));
        return s.toString();
    }

    /** "a, b, c", or the first {@code most} and how many more. */
    static String listed(List<String> names, int most) {
        if (names.size() <= most) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, most)) + " … and " + (names.size() - most) + " more";
    }
}
