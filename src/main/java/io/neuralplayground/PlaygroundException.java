package io.neuralplayground;

/**
 * An error the user can cause and can fix: a bad file, a bad value, a network that diverged.
 *
 * <p>Its message is written for the user: it says what was wrong and, where there is one, what to do
 * ("Loss became NaN at epoch 212: lower the learning rate (now 3)"). Code that reads files or user input
 * lets no other exception escape for bad input, so the window and the command line can show the message
 * as it is and leave the session as it was.
 */
public class PlaygroundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlaygroundException(String message) {
        super(message);
    }

    public PlaygroundException(String message, Throwable cause) {
        super(message, cause);
    }
}
