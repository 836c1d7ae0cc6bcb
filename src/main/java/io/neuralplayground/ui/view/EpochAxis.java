package io.neuralplayground.ui.view;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The loss chart's epoch axis: whole epochs with thousands separators ("20,000"), labels at least
 * {@link #LABEL_GAP} pixels apart at any range, and none cut off at the chart's right edge.
 *
 * <p>JFreeChart's {@link NumberAxis} takes the smallest tick unit whose labels merely fit end to end, with nothing
 * between them; here each label counts as wider by the gap when the unit is chosen. A label centred on a tick near the end of the axis reaches past the data area; one
 * that would reach past the room there is left off (its tick and grid line stay).
 */
final class EpochAxis extends NumberAxis {
    /** Blank pixels between two tick labels at least. */
    static final double LABEL_GAP = 12;

    private final double roomRight;

    /** @param roomRight pixels between the data area's right edge and the chart's */
    EpochAxis(String label, double roomRight) {
        super(label);
        this.roomRight = roomRight;
        setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        setAutoRangeIncludesZero(false);
        setNumberFormatOverride(ChartTickFormats.pattern("#,##0"));
    }

    @Override
    protected double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
        return super.estimateMaximumTickLabelWidth(g2, unit) + LABEL_GAP;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = super.refreshTicksHorizontal(g2, dataArea, edge);
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        List kept = new ArrayList(ticks.size());
        for (Object o : ticks) {
            NumberTick tick = (NumberTick) o;
            double x = valueToJava2D(tick.getValue(), dataArea, edge);
            double half = metrics.stringWidth(tick.getText()) / 2.0;
            boolean fits = x + half <= dataArea.getMaxX() + roomRight;
            kept.add(fits ? tick : new NumberTick(tick.getTickType(), tick.getValue(), "", tick.getTextAnchor(),
                    tick.getRotationAnchor(), tick.getAngle()));
        }
        return kept;
    }
}
