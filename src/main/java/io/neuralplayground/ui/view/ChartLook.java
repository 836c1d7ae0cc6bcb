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
}
