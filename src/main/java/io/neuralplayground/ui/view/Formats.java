package io.neuralplayground.ui.view;

import java.util.Locale;

/** How numbers read in the views: Playground's three decimals, and percentages. */
final class Formats {
    private Formats() {
    }

    /** A loss as Playground shows it, "0.012"; below 0.001 three significant digits ("4.21e-05"); NaN a dash. */
    static String loss(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == 0 || Math.abs(value) >= 0.001 || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    /** A fraction as a percentage with one decimal, "99.2 %". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** A whole number, or one decimal when it has one. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }
}
