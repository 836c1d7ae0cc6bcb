package io.neuralplayground.ui.viewmodel;

import java.util.Locale;

/**
 * How the window writes the numbers more than one of its views shows, each method named after what it writes.
 * Formats that one view alone uses stay with that view (the gradient check's errors, the value range's two
 * decimals); the autodiff view's numbers are the engine's ({@code engine.autodiff.AutodiffNumbers}), as its steps
 * are written there.
 *
 * <p>Numbers are written with {@link Locale#ROOT} (a point, never a comma) and, where they are read rather than
 * typed, with a real minus sign.
 */
public final class NumberTexts {
    /** The minus sign numbers are shown with (U+2212); a keyboard's hyphen stands in for it in what users type. */
    public static final char MINUS = '\u2212';

    private NumberTexts() {
    }

    /** {@code text}, a number as Java writes it, with its leading hyphen (if any) a real minus: "−0.25", "−1e-05". */
    public static String withMinus(String text) {
        return text.startsWith("-") ? MINUS + text.substring(1) : text;
    }

    /** A loss as Playground shows it, "0.012"; below 0.001 three significant digits ("4.21e-05"); NaN a dash. */
    public static String loss(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == 0 || Math.abs(value) >= 0.001 || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    /** A fraction as a percentage with one decimal, "99.2 %". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** A number as one would type it: 0.01 as "0.01", 1.0 as "1", 0.0001 as "0.0001" (no exponent). */
    public static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A slider's setting: a whole number ("30"), or one decimal when it has one ("2.5"). */
    public static String setting(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * A value of the network (weight, bias, activation, gradient, loss) as the diagrams show it: four decimals and
     * a real minus sign, "0.4312", "−0.1000"; a value that rounds to zero is "0.0000", without a sign.
     */
    public static String value(double value) {
        return withMinus(valueAsTyped(value));
    }

    /** {@link #value} as typed on a keyboard, "-0.1000", to pre-fill an editor. */
    public static String valueAsTyped(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.equals("-0.0000") ? "0.0000" : text;
    }

    /**
     * A number as short as it reads back exactly, and as one would type it: "0.5", "0.03", "2" (not "2.0"),
     * "1.0E-5" (a learning rate, an example's inputs).
     */
    public static String exact(double value) {
        String s = Double.toString(value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * Every digit of a double, as the {@code trace} command prints it: the shortest decimal that reads back as the
     * same double, "2.0", "0.30000000000000004" (for tooltips behind a rounded value).
     */
    public static String allDigits(double value) {
        return Double.toString(value);
    }
}
