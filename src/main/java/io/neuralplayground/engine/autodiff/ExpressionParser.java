package io.neuralplayground.engine.autodiff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a scalar function of x, by recursive descent over this grammar (loosest first):
 * <pre>
 *   sum     = product (('+' | '-') product)*
 *   product = unary (('*' | '/') unary)*
 *   unary   = ('-' | '+') unary | power
 *   power   = primary ('²' | '³')* ('^' unary)?
 *   primary = number | 'x' | function '(' sum ')' | '(' sum ')'
 * </pre>
 * So, as in maths, {@code ^} binds tighter than a minus sign on its left ({@code -x^2} is −(x²)) and groups to
 * the right ({@code 2^3^2} is 2⁹); its exponent may carry a sign ({@code x^-2}); {@code +} {@code -} {@code *}
 * {@code /} group to the left. The functions are exp, log (natural), sqrt, sin, cos, tanh, sigmoid (also σ)
 * and relu. A minus sign directly before a number makes a negative number, not an operation.
 *
 * <p>Errors are {@link ParseException}s that say where: an unknown character or name, a missing operand or
 * bracket, something after a complete expression, empty input, nesting deeper than {@value #MAX_DEPTH}.
 */
public final class ExpressionParser {
    /** Brackets, calls, signs and powers nest at most this deep (recursion is bounded, the stack never overflows). */
    public static final int MAX_DEPTH = 200;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
        this.tokens = Tokenizer.tokenize(text);
    }

    /** The expression tree of {@code text}, or a {@link ParseException} saying what is wrong and where. */
    public static Expr parse(String text) {
        ExpressionParser parser = new ExpressionParser(text);
        return parser.whole();
    }

    /** "exp, log, sqrt, sin, cos, tanh, sigmoid, relu". */
    static String functionList() {
        return Op.FUNCTIONS.stream().map(Op::jsonName).collect(Collectors.joining(", "));
    }

    private Expr whole() {
        if (peek().kind() == Token.Kind.END) {
            throw error(peek(), "Empty expression", "type a function of x, such as x^2 + 1");
        }
        Expr e = sum();
        Token t = peek();
        switch (t.kind()) {
            case END -> {
                return e;
            }
            case CLOSE -> throw error(t, "Unexpected ')'", "it closes no '('");
            case NUMBER, NAME, OPEN -> throw error(t, "Unexpected " + t.describe(),
                    "write an operator before it, as in 2*x");
            default -> throw error(t, "Unexpected " + t.describe(), null);
        }
    }

    private Expr sum() {
        Expr left = product();
        while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
            Op op = take().kind() == Token.Kind.PLUS ? Op.ADD : Op.SUB;
            left = Expr.apply(op, left, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (peek().kind() == Token.Kind.TIMES || peek().kind() == Token.Kind.DIVIDE) {
            Op op = take().kind() == Token.Kind.TIMES ? Op.MUL : Op.DIV;
            left = Expr.apply(op, left, unary());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.kind() == Token.Kind.MINUS || t.kind() == Token.Kind.PLUS) {
            take();
            enter(t);
            Expr operand = unary();
            depth--;
            if (t.kind() == Token.Kind.PLUS) {
                return operand;
            }
            if (operand instanceof Expr.Number n) {
                return new Expr.Number(-n.value(), n.text().startsWith("−") ? n.text().substring(1) : "−" + n.text());
            }
            return Expr.apply(Op.NEG, operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        while (peek().kind() == Token.Kind.SQUARED || peek().kind() == Token.Kind.CUBED) {
            Token t = take();
            String n = t.kind() == Token.Kind.SQUARED ? "2" : "3";
            base = Expr.apply(Op.POW, base, new Expr.Number(Double.parseDouble(n), n));
        }
        if (peek().kind() == Token.Kind.POWER) {
            Token t = take();
            enter(t);
            Expr exponent = unary();
            depth--;
            return Expr.apply(Op.POW, base, exponent);
        }
        return base;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                take();
                return new Expr.Number(t.number(), t.text());
            }
            case NAME -> {
                return name();
            }
            case OPEN -> {
                take();
                enter(t);
                Expr inside = sum();
                depth--;
                close(t, null);
                return inside;
            }
            default -> throw operandExpected(t);
        }
    }

    private Expr name() {
        Token t = take();
        boolean call = peek().kind() == Token.Kind.OPEN;
        if (t.text().equals("x")) {
            if (call) {
                throw error(peek(), "Unexpected '('", "x is the variable, not a function; write x*(…) for a product");
            }
            return new Expr.Variable();
        }
        Op op = t.text().equals("σ") ? Op.SIGMOID : Op.function(t.text());
        if (op == null) {
            if (call) {
                throw error(t, "Unknown function '" + t.text() + "'", "known are " + functionList());
            }
            throw error(t, "Unknown name '" + t.text() + "'", "the variable is x and the functions are "
                    + functionList());
        }
        if (!call) {
            throw error(peek(), "Expected '(' after '" + t.text() + "'", "write " + t.text() + "(x)");
        }
        Token open = take();
        enter(open);
        if (peek().kind() == Token.Kind.CLOSE) {
            throw error(peek(), "Missing argument of '" + t.text() + "'", "write " + t.text() + "(x)");
        }
        Expr argument = sum();
        depth--;
        close(open, t.text());
        return Expr.apply(op, argument);
    }

    /** Takes the ')' that closes {@code open}, or says it is missing. */
    private void close(Token open, String function) {
        Token t = peek();
        if (t.kind() == Token.Kind.CLOSE) {
            take();
            return;
        }
        String which = function == null ? "the '(' at position " + open.position()
                : "the '(' of " + function + " at position " + open.position();
        if (t.kind() == Token.Kind.END) {
            throw error(t, "Missing ')'", which + " is not closed");
        }
        throw error(t, "Unexpected " + t.describe(), "expected ')' to close " + which
                + (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.OPEN
                        ? ", or an operator before it" : ""));
    }

    /** The error when an operand should come next but {@code t} does. */
    private ParseException operandExpected(Token t) {
        Token before = next > 0 ? tokens.get(next - 1) : null;
        String after = before == null ? null
                : before.isOperator() ? "'" + before.text() + "'"
                : before.kind() == Token.Kind.OPEN ? "'('" : null;
        if (t.kind() == Token.Kind.END) {
            return error(t, "Missing operand" + (after == null ? "" : " after " + after), "the expression ends too soon");
        }
        if (t.kind() == Token.Kind.CLOSE && before != null && before.kind() == Token.Kind.OPEN) {
            return error(t, "Unexpected ')'", "the brackets are empty");
        }
        if (t.kind() == Token.Kind.CLOSE && before == null) {
            return error(t, "Unexpected ')'", "it closes no '('");
        }
        String hint = after == null ? "an operand (a number, x, a function or a bracket) must come first"
                : before.isOperator() ? after + " needs an operand after it" : "an operand must come first";
        return error(t, "Unexpected " + t.describe(), hint);
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw error(t, "Expression nested too deeply", "at most " + MAX_DEPTH
                    + " levels of brackets, functions, signs and powers");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Token.Kind.END) {
            next++;
        }
        return t;
    }

    private ParseException error(Token at, String what, String hint) {
        return new ParseException(text, at.position(), what, hint);
    }
}
