package io.neuralplayground.ui.viewmodel;

/** TF Playground's "problem type": which group of datasets the data column offers. */
public enum ProblemType {
    CLASSIFICATION("Classification"),
    REGRESSION("Regression");

    private final String label;

    ProblemType(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
