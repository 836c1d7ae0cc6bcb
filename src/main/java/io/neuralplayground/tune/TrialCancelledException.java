package io.neuralplayground.tune;

/** Thrown by an objective that stops because the search was cancelled ({@link TrialContext#throwIfCancelled()}). */
public final class TrialCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrialCancelledException() {
        super("the search was cancelled", null, false, false);
    }
}
