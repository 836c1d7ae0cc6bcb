package io.neuralplayground.engine.autodiff;

import io.neuralplayground.engine.Activation;
import java.util.List;

/**
 * What a node of the computational graph computes from its operands u (and v), beside the local derivatives
 * reverse mode needs, ∂y/∂u and ∂y/∂v, where y is the node's own value:
 * <pre>
 *   y = u + v      ∂y/∂u = 1                ∂y/∂v = 1
 *   y = u − v      ∂y/∂u = 1                ∂y/∂v = −1
 *   y = u · v      ∂y/∂u = v                ∂y/∂v = u
 *   y = u / v      ∂y/∂u = 1/v              ∂y/∂v = −u/v²
 *   y = u ^ v      ∂y/∂u = v·u^(v−1)        ∂y/∂v = u^v·log u = y·log u   (only for u &gt; 0; 0 for u = 0 &lt; v)
 *   y = −u         ∂y/∂u = −1
 *   y = exp u      ∂y/∂u = exp u = y
 *   y = log u      ∂y/∂u = 1/u              (natural logarithm, u &gt; 0)
 *   y = √u         ∂y/∂u = 1/(2√u)          (u ≥ 0; infinite at 0)
 *   y = sin u      ∂y/∂u = cos u
 *   y = cos u      ∂y/∂u = −sin u
 *   y = tanh u     ∂y/∂u = 1 − y²
 *   y = σ(u)       ∂y/∂u = y·(1 − y)       σ(u) = 1/(1 + e^−u)
 *   y = relu u     ∂y/∂u = [u &gt; 0]          (the derivative at the kink u = 0 is taken as 0)
 * </pre>
 * Where a value or derivative is not defined (log of a negative number, a negative base to a fractional power)
 * the double arithmetic gives NaN and {@link #domain()} says what the operation needs; the graph reports it.
 *
 * <p>The texts (formulas with operand names, for the view and the steps) are made here too, so that a node
 * reads {@code b = exp(a)} and its edge {@code ∂b/∂a = exp(a)}. Operand names are atoms: node ids (a, b, x) or
 * numbers; a name starting with a minus sign is put in parentheses where it would read wrongly.
 */
public enum Op {
    /** The input x; no operands. */
    INPUT("input", 0, "the input"),
    /** A constant on its own (only when the whole function is a number); its one operand is a literal. */
    CONSTANT("const", 1, ""),
    NEG("neg", 1, ""),
    ADD("add", 2, ""),
    SUB("sub", 2, ""),
    MUL("mul", 2, ""),
    DIV("div", 2, "division needs a non-zero divisor"),
    POW("pow", 2, "a negative base needs a whole-number exponent, and a base of 0 a positive one"),
    EXP("exp", 1, "exp overflows above 709.78"),
    LOG("log", 1, "log needs a positive argument"),
    SQRT("sqrt", 1, "sqrt needs an argument of at least 0"),
    SIN("sin", 1, "sin needs a finite argument"),
    COS("cos", 1, "cos needs a finite argument"),
    TANH("tanh", 1, ""),
    SIGMOID("sigmoid", 1, ""),
    RELU("relu", 1, "");

    /** The functions a user can call, in the order error messages list them. */
    public static final List<Op> FUNCTIONS = List.of(EXP, LOG, SQRT, SIN, COS, TANH, SIGMOID, RELU);

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final String jsonName;
    private final int arity;
    private final String domain;

    Op(String jsonName, int arity, String domain) {
        this.jsonName = jsonName;
        this.arity = arity;
        this.domain = domain;
    }

    /** The name in JSON and in function calls: {@code add}, {@code pow}, {@code exp}, {@code sigmoid} … */
    public String jsonName() {
        return jsonName;
    }

    /** How many operands the node takes. */
    public int arity() {
        return arity;
    }

    /** Whether users write it as {@code name(…)}. */
    public boolean isFunction() {
        return FUNCTIONS.contains(this);
    }

    /** What the operation needs to be defined, for messages ("log needs a positive argument"); may be empty. */
    public String domain() {
        return domain;
    }

    /** The function called {@code name}, or null. */
    public static Op function(String name) {
        for (Op op : FUNCTIONS) {
            if (op.jsonName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** y from the operand values u and v (v is ignored by one-operand ops; the input's value is u). */
    public double apply(double u, double v) {
        return switch (this) {
            case INPUT, CONSTANT -> u;
            case NEG -> -u;
            case ADD -> u + v;
            case SUB -> u - v;
            case MUL -> u * v;
            case DIV -> u / v;
            case POW -> Math.pow(u, v);
            case EXP -> Math.exp(u);
            case LOG -> Math.log(u);
            case SQRT -> Math.sqrt(u);
            case SIN -> Math.sin(u);
            case COS -> Math.cos(u);
            case TANH -> Math.tanh(u);
            case SIGMOID -> Activation.sigmoid(u);
            case RELU -> u > 0 ? u : 0;
        };
    }

    /**
     * ∂y/∂(operand {@code slot}) at operand values u, v where the node's value is y (see the table above); NaN
     * where it is not defined.
     */
    public double partial(int slot, double u, double v, double y) {
        checkSlot(slot);
        return switch (this) {
            case INPUT, CONSTANT -> 0;
            case NEG -> -1;
            case ADD -> 1;
            case SUB -> slot == 0 ? 1 : -1;
            case MUL -> slot == 0 ? v : u;
            case DIV -> slot == 0 ? 1 / v : -u / (v * v);
            case POW -> slot == 0 ? powBase(u, v) : powExponent(u, v, y);
            case EXP -> y;
            case LOG -> u > 0 ? 1 / u : Double.NaN;
            case SQRT -> u >= 0 ? 1 / (2 * y) : Double.NaN;
            case SIN -> Math.cos(u);
            case COS -> -Math.sin(u);
            case TANH -> 1 - y * y;
            case SIGMOID -> y * (1 - y);
            case RELU -> u > 0 ? 1 : 0;
        };
    }

    /** v·u^(v−1), with the cases the formula gets wrong in floating point: v = 0 (y = 1) and v = 1 (y = u). */
    private static double powBase(double u, double v) {
        if (v == 0) {
            return 0;
        }
        if (v == 1) {
            return 1;
        }
        return v * Math.pow(u, v - 1);
    }

    /** u^v·log u: defined for u &gt; 0; at u = 0 with v &gt; 0 the limit is 0; otherwise undefined. */
    private static double powExponent(double u, double v, double y) {
        if (u > 0) {
            return y * Math.log(u);
        }
        if (u == 0 && v > 0) {
            return 0;
        }
        return Double.NaN;
    }

    /** The formula with operand names, as a node label shows it: {@code x²}, {@code a + b}, {@code exp(a)}. */
    public String formula(List<String> operands) {
        checkOperands(operands);
        String u = operands.isEmpty() ? "x" : operands.get(0);
        String v = operands.size() > 1 ? operands.get(1) : "";
        return switch (this) {
            case INPUT -> "x";
            case CONSTANT -> u;
            case NEG -> "−" + paren(u);
            case ADD -> u + " + " + paren(v);
            case SUB -> u + " − " + paren(v);
            case MUL -> u + "·" + paren(v);
            case DIV -> u + " / " + paren(v);
            case POW -> power(paren(u), v);
            case SQRT -> "√" + paren(u);
            case SIGMOID -> "σ(" + u + ")";
            default -> jsonName + "(" + u + ")";
        };
    }

    /**
     * The local derivative ∂y/∂(operand {@code slot}) as a formula in the operand names and {@code self} (the
     * node's own name, which stands for y): {@code 2x}, {@code exp(a)}, {@code 1 − b²}.
     */
    public String partialFormula(int slot, List<String> operands, String self) {
        checkSlot(slot);
        checkOperands(operands);
        String u = operands.isEmpty() ? "x" : operands.get(0);
        String v = operands.size() > 1 ? operands.get(1) : "";
        return switch (this) {
            case INPUT, CONSTANT -> "0";
            case NEG -> "−1";
            case ADD -> "1";
            case SUB -> slot == 0 ? "1" : "−1";
            case MUL -> slot == 0 ? v : u;
            case DIV -> slot == 0 ? "1/" + paren(v) : "−" + paren(u) + "/" + power(paren(v), "2");
            case POW -> slot == 0 ? powBaseFormula(u, v) : self + "·log " + paren(u);
            case EXP -> "exp(" + u + ")";
            case LOG -> "1/" + paren(u);
            case SQRT -> "1/(2√" + paren(u) + ")";
            case SIN -> "cos(" + u + ")";
            case COS -> "−sin(" + u + ")";
            case TANH -> "1 − " + power(self, "2");
            case SIGMOID -> self + "·(1 − " + self + ")";
            case RELU -> "[" + u + " > 0]";
        };
    }

    /** v·u^(v−1) written out: {@code 2x} for v = 2, {@code 3x²}, {@code 0.5·x^−0.5}, {@code v·u^(v − 1)}. */
    private static String powBaseFormula(String u, String v) {
        Double c = number(v);
        if (c == null) {
            return paren(v) + "·" + paren(u) + "^(" + v + " − 1)";
        }
        if (c == 0) {
            return "0";
        }
        String coefficient = c == 1 ? "" : c == -1 ? "−" : trim(c);
        double e = c - 1;
        String rest = e == 0 ? "" : e == 1 ? paren(u) : power(paren(u), trim(e));
        if (rest.isEmpty()) {
            return coefficient.isEmpty() || coefficient.equals("−") ? coefficient + "1" : coefficient;
        }
        boolean digitsMeetLetters = !coefficient.isEmpty() && Character.isDigit(coefficient.charAt(coefficient.length() - 1))
                && Character.isLetter(rest.charAt(0));
        return coefficient + (digitsMeetLetters || coefficient.isEmpty() || coefficient.equals("−") ? "" : "·")
                + rest;
    }

    /** {@code base} to the power {@code exponent}: superscript digits for whole exponents up to 99. */
    static String power(String base, String exponent) {
        Double c = number(exponent);
        if (c != null && c == Math.rint(c) && Math.abs(c) < 100) {
            StringBuilder s = new StringBuilder(base);
            long n = (long) (double) c;
            if (n < 0) {
                s.append('⁻');
            }
            for (char d : Long.toString(Math.abs(n)).toCharArray()) {
                s.append(SUPERSCRIPTS.charAt(d - '0'));
            }
            return s.toString();
        }
        return base + "^" + paren(exponent);
    }

    /** A number written without a needless ".0": 2, 0.5, −1.5. */
    static String trim(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (value < 0 ? "−" : "") + Long.toString(Math.abs((long) value));
        }
        String s = Double.toString(Math.abs(value));
        return (value < 0 ? "−" : "") + s;
    }

    /** The operand as a number when it is one (a literal such as 2, 0.5, −1, 1e-3), else null. */
    private static Double number(String operand) {
        try {
            return Double.valueOf(operand.replace('−', '-'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A negative operand in parentheses: {@code (−2)}. */
    static String paren(String operand) {
        return operand.startsWith("−") || operand.startsWith("-") ? "(" + operand + ")" : operand;
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= Math.max(arity, 1)) {
            throw new IllegalArgumentException(this + " has no operand " + slot);
        }
    }

    private void checkOperands(List<String> operands) {
        if (operands.size() != arity) {
            throw new IllegalArgumentException(this + " takes " + arity + " operands, got " + operands.size());
        }
    }
}
