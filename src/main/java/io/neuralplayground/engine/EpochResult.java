package io.neuralplayground.engine;

/**
 * What one epoch achieved, measured after it: mean loss over the training, validation and test examples (without
 * the regularization penalty, as TF Playground reports it) and, for classification, the fraction classified
 * correctly. Missing values (no validation or test examples; regression's accuracy) are NaN.
 */
public record EpochResult(int epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
        double validationLoss, double validationAccuracy) {

    /** A result of a run without validation examples. */
    public EpochResult(int epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {
        this(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, Double.NaN, Double.NaN);
    }

    public boolean hasTest() {
        return !Double.isNaN(testLoss);
    }

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    public boolean hasAccuracy() {
        return !Double.isNaN(trainAccuracy);
    }
}
