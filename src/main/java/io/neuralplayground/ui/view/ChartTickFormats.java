package io.neuralplayground.ui.view;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * The loss chart's tick labels written as the rest of the window writes numbers, in {@link Locale#ROOT} (a point,
 * never a comma; see {@code NumberTexts}). JFreeChart's own formats take the machine's locale: on a German machine
 * its loss axis read "0,5" and its epoch axis "20.000" beside a readout of "0.500".
 *
 * <p>The labels keep JFreeChart's patterns, so that on a machine whose locale writes numbers as {@code ROOT} does
 * (English, say) the chart looks as it did, pixel for pixel.
 */
final class ChartTickFormats {
    /** The powers of ten NumberTickUnitSource steps through: tick sizes from 1e−300 to 5e300. */
    private static final int MAX_POWER = 300;

    private ChartTickFormats() {
    }

    /** {@code new DecimalFormat(pattern)}, with {@link Locale#ROOT}'s symbols instead of the machine's. */
    static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** A tick of {@code size} labelled as {@code new NumberTickUnit(size)} labels it, in {@link Locale#ROOT}. */
    static NumberTickUnit unit(double size) {
        return new NumberTickUnit(size, NumberFormat.getNumberInstance(Locale.ROOT));
    }

    /**
     * Ticks of {@code size} (a fraction: 0.2) on an axis of fractions, labelled in percent as the window writes
     * accuracies ("20 %", a space before the sign).
     */
    static NumberTickUnit percentUnit(double size) {
        return new NumberTickUnit(size, pattern("0 %"));
    }

    /**
     * The tick units of a {@code NumberAxis} (JFreeChart's {@code NumberTickUnitSource}): 1, 2 and 5 times a power
     * of ten, with its minor ticks and its labels (four to one decimals for 0.0001 to 0.1, whole numbers with
     * thousands separators up to 5,000,000, scientific beyond), in {@link Locale#ROOT}.
     */
    static TickUnitSource standardUnits() {
        TickUnits units = new TickUnits();
        for (int power = -MAX_POWER; power <= MAX_POWER; power++) {
            NumberFormat format = labelFormat(power);
            // The sizes computed as NumberTickUnitSource computes them, so that the same ranges get the same units.
            units.add(new NumberTickUnit(1 * Math.pow(10.0, power), format, 10));
            units.add(new NumberTickUnit(2 * Math.pow(10.0, power), format, 0));
            units.add(new NumberTickUnit(5 * Math.pow(10.0, power), format, 5));
        }
        return units;
    }

    private static NumberFormat labelFormat(int power) {
        return switch (power) {
            case -4 -> pattern("0.0000");
            case -3 -> pattern("0.000");
            case -2 -> pattern("0.00");
            case -1 -> pattern("0.0");
            default -> power >= 0 && power <= 6 ? pattern("#,##0") : pattern("#.######E0");
        };
    }
}
