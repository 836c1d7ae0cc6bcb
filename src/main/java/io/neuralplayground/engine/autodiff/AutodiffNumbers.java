package io.neuralplayground.engine.autodiff;

import java.util.Locale;

/**
 * How numbers read in the autodiff steps, on the graph's labels and in the results: four decimals ({@code 2.7183}),
 * scientific notation for very large and very small ones ({@code 1.2346e+05}, {@code 3.0000e-06}), a true minus
 * sign, and ∞ and NaN spelled out. Not the window's {@code NumberTexts}: the engine writes these steps itself (the
 * {@code autodiff} command prints them too), and they must show values of any size, where the window's diagrams
 * keep four decimals for the small weights of a playground network.
 */
public final class AutodiffNumbers {
    private AutodiffNumbers() {
    }

    /** {@code 2.7183}, {@code −0.5000}, {@code 1.2346e+05}, {@code NaN}, {@code ∞}. */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        String s = a != 0 && (a >= 1e5 || a < 1e-4) ? String.format(Locale.ROOT, "%.4e", a)
                : String.format(Locale.ROOT, "%.4f", a);
        return (v < 0 ? "−" : "") + s;
    }

    /** Ten significant digits, for the results: {@code 7.436563657}, {@code −1.234567890e-08}. */
    public static String precise(double v) {
        if (!Double.isFinite(v)) {
            return value(v);
        }
        double a = Math.abs(v);
        String s = a != 0 && (a >= 1e6 || a < 1e-4) ? String.format(Locale.ROOT, "%.9e", a)
                : new java.math.BigDecimal(a).round(new java.math.MathContext(10)).stripTrailingZeros()
                        .toPlainString();
        return (v < 0 ? "−" : "") + s;
    }

    /** {@code 1.2e-11}: two significant digits, for the difference of two derivatives. */
    public static String small(double v) {
        if (!Double.isFinite(v)) {
            return value(v);
        }
        return (v < 0 ? "−" : "") + String.format(Locale.ROOT, "%.1e", Math.abs(v));
    }
}
