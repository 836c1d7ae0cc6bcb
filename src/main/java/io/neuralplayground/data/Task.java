package io.neuralplayground.data;

/** What a dataset's labels are: class indices 0 … K−1, or plain numbers to fit. */
public enum Task {
    CLASSIFICATION,
    REGRESSION
}
