package io.neuralplayground.tune;

import io.neuralplayground.PlaygroundException;

/**
 * A search space that cannot be searched: a duplicate name, a range whose min exceeds its max, a condition on an
 * unknown hyperparameter … The message names the hyperparameter; {@link #index()} says which entry of the space it
 * is, so that a file reader can add the line it stands on.
 */
public final class SearchSpaceException extends PlaygroundException {
    private static final long serialVersionUID = 1L;

    private final int index;

    SearchSpaceException(String message) {
        this(message, -1);
    }

    SearchSpaceException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** The position of the offending hyperparameter in its space, or -1 when it was checked on its own. */
    public int index() {
        return index;
    }

    static SearchSpaceException about(String name, String problem) {
        return new SearchSpaceException("hyperparameter " + Values.show(name) + ": " + problem);
    }
}
