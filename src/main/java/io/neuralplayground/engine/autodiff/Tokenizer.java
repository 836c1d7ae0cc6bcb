package io.neuralplayground.engine.autodiff;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: numbers ({@code 2}, {@code 0.5}, {@code .5}, {@code 1e-3}), names
 * ({@code x}, {@code exp}), operators and brackets; spaces separate and are dropped. Besides the ASCII operators
 * it reads what the view itself shows and people paste: {@code **} and {@code ^} for powers, {@code ²} and
 * {@code ³}, {@code −} (minus sign), {@code ·} and {@code ×}, {@code ÷}. The last token is always END, at the
 * text's length.
 */
final class Tokenizer {
    private final String text;
    private int i;

    private Tokenizer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}; a character that belongs to no token is a {@link ParseException}. */
    static List<Token> tokenize(String text) {
        return new Tokenizer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", text.length(), 0));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = text.charAt(i);
        int start = i;
        if (isDigit(c) || c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            return new Token(Token.Kind.NAME, text.substring(start, i), start, 0);
        }
        if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
            i += 2;
            return new Token(Token.Kind.POWER, "**", start, 0);
        }
        Token.Kind kind = switch (c) {
            case '+' -> Token.Kind.PLUS;
            case '-', '−' -> Token.Kind.MINUS;
            case '*', '·', '×' -> Token.Kind.TIMES;
            case '/', '÷' -> Token.Kind.DIVIDE;
            case '^' -> Token.Kind.POWER;
            case '²' -> Token.Kind.SQUARED;
            case '³' -> Token.Kind.CUBED;
            case '(' -> Token.Kind.OPEN;
            case ')' -> Token.Kind.CLOSE;
            default -> null;
        };
        if (kind == null) {
            String character = new String(Character.toChars(text.codePointAt(i)));
            throw new ParseException(text, start, "Unexpected character '" + character + "'",
                    "use numbers, x, + - * / ^, brackets and the functions " + ExpressionParser.functionList());
        }
        i++;
        return new Token(kind, String.valueOf(c), start, 0);
    }

    /** digits [. digits] [e [+-] digits], or . digits …; an 'e' not followed by digits is not part of it. */
    private Token number() {
        int start = i;
        digits();
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            digits();
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (i < text.length() && isDigit(text.charAt(i))) {
                digits();
            } else {
                i = mark;
            }
        }
        String written = text.substring(start, i);
        double value = Double.parseDouble(written);
        if (Double.isInfinite(value)) {
            throw new ParseException(text, start, "Number '" + written + "' is too large",
                    "the largest is about 1.8e308");
        }
        return new Token(Token.Kind.NUMBER, written, start, value);
    }

    private void digits() {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
