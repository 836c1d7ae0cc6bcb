package io.neuralplayground.engine.autodiff;

import io.neuralplayground.PlaygroundException;

/**
 * An expression that cannot be read, with where: {@code Unexpected ')' at position 7}. The position is 0-based,
 * counted in characters of the text. {@link #pointer()} gives the text with a caret under that position, which
 * the view and the command line show under the message:
 * <pre>
 *   x^2 + )
 *         ^
 * </pre>
 */
public final class ParseException extends PlaygroundException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;

    /**
     * @param what  what went wrong, without the position ("Unexpected ')'")
     * @param hint  what to do, or null ("write 2*x for a product")
     */
    ParseException(String input, int position, String what, String hint) {
        super(what + " at position " + position + (hint == null || hint.isEmpty() ? "" : ": " + hint));
        this.input = input;
        this.position = position;
    }

    /** The text that was parsed. */
    public String input() {
        return input;
    }

    /** Where the problem is, 0-based; the text's length when it is at the end. */
    public int position() {
        return position;
    }

    /** Two lines: the text (control characters as spaces) and a caret under {@link #position()}. */
    public String pointer() {
        StringBuilder line = new StringBuilder(input.length());
        for (char c : input.toCharArray()) {
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        return line + "\n" + " ".repeat(position) + "^";
    }
}
