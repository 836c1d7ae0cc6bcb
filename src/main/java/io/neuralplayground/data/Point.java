package io.neuralplayground.data;

/**
 * One generated example of a TF Playground dataset: its two coordinates and its label, −1 or +1 for the
 * two-class datasets, the class index 0 … k−1 for the many-class ones, and a number in about [−1, 1] for the
 * regression ones (Playground's {@code Example2D}).
 */
public record Point(double x1, double x2, double label) {
}
