package io.neuralplayground.engine.autodiff;

/**
 * One token of an expression: a number, a name ({@code x}, {@code exp}), an operator or a bracket, with where it
 * starts in the text (0-based) and how it was written.
 */
record Token(Kind kind, String text, int position, double number) {

    enum Kind {
        NUMBER, NAME, PLUS, MINUS, TIMES, DIVIDE, POWER, SQUARED, CUBED, OPEN, CLOSE, END
    }

    /** How the token reads in a message: {@code ')'}, {@code number '2'}, {@code end of input}. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case NUMBER -> "number '" + text + "'";
            default -> "'" + text + "'";
        };
    }

    boolean isOperator() {
        return switch (kind) {
            case PLUS, MINUS, TIMES, DIVIDE, POWER -> true;
            default -> false;
        };
    }
}
