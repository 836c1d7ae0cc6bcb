package io.neuralplayground.engine;

/**
 * What one epoch achieved, measured after it: mean loss over the training and test examples (without the
 * regularization penalty, as TF Playground reports it) and, for classification, the fraction classified
 * correctly. Missing values (no test examples; regression's accuracy) are NaN.
 */
public record EpochResult(int epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {

    public boolean hasTest() {
        return !Double.isNaN(testLoss);
    }

    public boolean hasAccuracy() {
        return !Double.isNaN(trainAccuracy);
    }
}
