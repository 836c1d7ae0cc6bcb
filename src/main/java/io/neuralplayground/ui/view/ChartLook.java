package io.neuralplayground.ui.view;

import java.awt.Color;
import java.awt.Font;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleInsets;

/** How the window's line charts look (the playground's loss chart, the Images tab's curves): axes and legend. */
public final class ChartLook {
    /** Tick and axis labels. */
    public static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 11);
    public static final Color AXIS = new Color(0x99, 0x99, 0x99);
    public static final Color TEXT = new Color(0x55, 0x55, 0x55);
    /** The light grid behind the lines. */
    public static final Color GRID = new Color(0xE6, 0xE6, 0xE6);

    private ChartLook() {
    }

    /** {@code axis} in the charts' grey, small type and tight insets. */
    public static <A extends ValueAxis> A axis(A axis) {
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkOutsideLength(3);
        axis.setLabelInsets(new RectangleInsets(2, 2, 2, 2));
        return axis;
    }

    /** {@code plot} on white, without outline, with the light grid and no offset of its axes. */
    public static org.jfree.chart.plot.XYPlot plot(org.jfree.chart.plot.XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new java.awt.BasicStroke(1f));
        plot.setRangeGridlineStroke(new java.awt.BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** {@code chart} on white, without border, antialiased, with {@code padding} around the plot. */
    public static <C extends org.jfree.chart.JFreeChart> C chart(C chart, RectangleInsets padding) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(padding);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** "── Training": a short line in the series' colour and its name, for a legend above the chart. */
    public static Label legendItem(String name, Color color) {
        Line line = new Line(0, 0, 12, 0);
        line.setStroke(javafx.scene.paint.Color.rgb(color.getRed(), color.getGreen(), color.getBlue()));
        line.setStrokeWidth(1.5);
        Label item = new Label(name, line);
        item.getStyleClass().add("loss-legend-item");
        item.setMinWidth(Region.USE_PREF_SIZE);
        return item;
    }

    /** The validation curve's colour in every chart: Playground's orange, apart from the grey and black lines. */
    public static final Color VALIDATION = new Color(0xF5, 0x93, 0x22);

    /** A dashed vertical line for early stopping's best epoch, labelled at its top ("best 72"). */
    public static org.jfree.chart.plot.ValueMarker bestEpochMarker() {
        org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(0,
                new Color(0xB8, 0x6A, 0x10, 0xB0),
                new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                        new float[] {4f, 3f}, 0f));
        marker.setLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        marker.setLabelPaint(new Color(0xB8, 0x6A, 0x10));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        return marker;
    }

    /** Puts {@code marker} at {@code epoch} on {@code plot}, or takes it off for 0 (no best epoch yet). */
    public static void markBestEpoch(org.jfree.chart.plot.XYPlot plot, org.jfree.chart.plot.ValueMarker marker,
            double epoch) {
        plot.removeDomainMarker(marker);
        if (epoch > 0) {
            marker.setValue(epoch);
            marker.setLabel("best " + (long) epoch + " ");
            plot.addDomainMarker(marker);
        }
    }
}
