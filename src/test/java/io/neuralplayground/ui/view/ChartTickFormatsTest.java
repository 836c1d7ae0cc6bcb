package io.neuralplayground.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.junit.jupiter.api.Test;

/** The chart's tick units in {@link Locale#ROOT} are JFreeChart's own, unit for unit and label for label. */
class ChartTickFormatsTest {

    /** JFreeChart's units as a machine writing numbers as ROOT does (English) makes them. */
    private static TickUnitSource jfreeChartsInEnglish() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            return new NumberTickUnitSource();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theStandardUnitsAreNumberAxisOwnWithTheSameLabels() {
        TickUnitSource ours = ChartTickFormats.standardUnits();
        TickUnitSource theirs = jfreeChartsInEnglish();
        Random random = new Random(10);
        for (int i = 0; i < 5000; i++) {
            // Sizes from 1e−12 to 1e12, and the exact 1-2-5 steps themselves.
            double size = i % 2 == 0 ? Math.pow(10, random.nextDouble() * 24 - 12)
                    : new int[] {1, 2, 5}[i % 3] * Math.pow(10.0, random.nextInt(25) - 12);
            TickUnit mine = ours.getCeilingTickUnit(size);
            TickUnit jfree = theirs.getCeilingTickUnit(size);
            assertSame(mine, jfree, "ceiling of " + size);
            assertSame(ours.getLargerTickUnit(mine), theirs.getLargerTickUnit(jfree), "larger than " + size);
        }
    }

    private static void assertSame(TickUnit mine, TickUnit jfree, String what) {
        assertThat(mine.getSize()).as(what + ": size").isEqualTo(jfree.getSize());
        assertThat(mine.getMinorTickCount()).as(what + ": minor ticks").isEqualTo(jfree.getMinorTickCount());
        for (double value : new double[] {0, 1, -1, 0.5, 0.25, 0.125, 3e-5, 1234.5, 20_000, 7e6, -2.5e-9}) {
            double tick = value * mine.getSize();
            assertThat(mine.valueToString(tick)).as(what + ": label of " + tick).isEqualTo(jfree.valueToString(tick));
        }
    }

    @Test
    void aDecadeUnitAndAPatternWriteAsRootDoesOnAnyMachine() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(ChartTickFormats.pattern("#,##0").format(20_000)).isEqualTo("20,000");
            assertThat(ChartTickFormats.pattern("0.0").format(0.5)).isEqualTo("0.5");
            assertThat(ChartTickFormats.unit(1).valueToString(-3)).isEqualTo("-3");
            assertThat(ChartTickFormats.unit(1).valueToString(2.5)).isEqualTo("2.5");
            // accuracies, fractions on the axis, read as the window writes them: "60 %"
            assertThat(ChartTickFormats.percentUnit(0.2).valueToString(0.6)).isEqualTo("60 %");
            assertThat(ChartTickFormats.percentUnit(0.2).valueToString(1)).isEqualTo("100 %");
            assertThat(ChartTickFormats.percentUnit(0.25).valueToString(0)).isEqualTo("0 %");
        } finally {
            Locale.setDefault(before);
        }
    }
}
