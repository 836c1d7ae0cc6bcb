package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A dataset cut into a training part, a validation part and a test part, with no example in two of them. The
 * validation part is measured after every epoch and never trained on: early stopping and hyperparameter search
 * look at it, so that the test part stays unseen until the end.
 */
public record Split(Dataset train, Dataset validation, Dataset test) {

    /** A split without validation examples. */
    public Split(Dataset train, Dataset test) {
        this(train, train.select(new int[0], validationName(train)), test);
    }

    /**
     * The same split with the last ⌊n·share⌋ of the n training examples set aside for validation, as Keras'
     * {@code validation_split} takes "the last samples … before shuffling". The training part of a split is already
     * in a seeded random order, so the validation examples are a seeded random sample of it.
     *
     * @param share the fraction of the training examples, in [0, 1); 0 keeps the split as it is
     * @throws PlaygroundException if the share is out of range or leaves no training example
     */
    public Split withValidation(double share) {
        if (!(share >= 0 && share < 1)) {
            throw new PlaygroundException(String.format(Locale.ROOT,
                    "The validation share must be at least 0 %% and below 100 %%, got %s %%", share * 100));
        }
        if (share == 0) {
            return this;
        }
        int n = train.size();
        int held = (int) Math.floor(n * share + 1e-9);
        if (held == n) {
            throw new PlaygroundException("A validation share of " + share + " leaves none of the " + n
                    + " training examples for training: lower it or use more data");
        }
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        String base = baseName(train);
        return new Split(train.select(Arrays.copyOfRange(indices, 0, n - held), train.name()),
                train.select(Arrays.copyOfRange(indices, n - held, n), base + " (validation)"), test);
    }

    private static String validationName(Dataset train) {
        return baseName(train) + " (validation)";
    }

    private static String baseName(Dataset train) {
        String name = train.name();
        return name.endsWith(" (training)") ? name.substring(0, name.length() - " (training)".length()) : name;
    }
}
