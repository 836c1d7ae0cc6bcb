package io.neuralplayground.ui.view;

import org.jfree.chart.axis.LogAxis;
import org.jfree.data.Range;

/**
 * The loss chart's logarithmic axis, its range widened to whole decades (0.01 to 1, not 0.48 to 0.57), so that it
 * always has labelled ticks. {@link LogAxis} labels only the decades inside its range: at epoch 0, with one loss
 * to show, it had none, and the axis showed no numbers at all.
 */
final class DecadeLogAxis extends LogAxis {
    private static final double EDGE = 1.02;

    DecadeLogAxis(String label) {
        super(label);
        // The 10 of "10⁻³"; the exponents are the tick units' (the chart gives them).
        setBaseFormatter(ChartTickFormats.pattern("0"));
    }

    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        if (!isAutoRange()) {
            return;
        }
        Range range = getRange();
        double low = Math.floor(Math.log10(Math.max(range.getLowerBound(), getSmallestValue())));
        double high = Math.ceil(Math.log10(Math.max(range.getUpperBound(), getSmallestValue())));
        if (high <= low) {
            // A loss that is a power of ten: the decade above it too.
            high = low + 1;
        }
        // A hair beyond the decades: LogAxis finds its first tick by rounding up log10 of the lower bound, and
        // log10(0.1) comes out a shade above −1, which would skip the 0.1 tick.
        setRange(new Range(Math.pow(10, low) / EDGE, Math.pow(10, high) * EDGE), false, false);
    }
}
