package io.neuralplayground.ui.viewmodel.teaching;

/**
 * How the stepper writes vectors and matrices. The numbers are the same in both; one layout is the other
 * transposed.
 */
public enum MatrixLayout {
    /**
     * The textbook's: vectors are columns, W(k) is units × inputs, {@code a = W·h + b}; a minibatch has one
     * column per example.
     */
    TEXTBOOK("Textbook layout: W (units × inputs), vectors as columns, one column per example"),
    /**
     * Keras': vectors are rows, the kernel K(k) = W(k)ᵀ is inputs × units as in {@code get_weights()} and the
     * model file, {@code a = h·K + b}; a minibatch has one row per example.
     */
    KERAS("Keras layout: K = Wᵀ (inputs × units) as in get_weights() and the model file, one row per example");

    private final String description;

    MatrixLayout(String description) {
        this.description = description;
    }

    /** One line saying which layout the numbers are in, for the view. */
    public String description() {
        return description;
    }
}
