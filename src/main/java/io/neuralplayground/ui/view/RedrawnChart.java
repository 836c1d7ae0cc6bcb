package io.neuralplayground.ui.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * A chart without title or legend that draws the same each time a JavaFX {@code ChartCanvas} draws it again.
 *
 * <p>The canvas's {@code FXGraphics2D} remembers the font, paint and stroke it last gave the canvas and skips
 * giving the same again; the canvas restores its own state after every drawing, and so forgets them. A drawing
 * whose first font was the previous drawing's last got the canvas' default font instead: the epoch labels came
 * out in 13 px while the axis had measured them in 10 px, and ran together ("10,00020,000"). Each drawing here
 * begins by setting values no chart uses, so that every value the chart then sets reaches the canvas.
 */
public final class RedrawnChart extends JFreeChart {
    private static final Font FORGET_FONT = new Font(Font.DIALOG, Font.PLAIN, 1);
    private static final Color FORGET_PAINT = new Color(1, 2, 3, 4);
    private static final BasicStroke FORGET_STROKE = new BasicStroke(0.01f);

    public RedrawnChart(Plot plot) {
        super(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D chartArea, Point2D anchor, ChartRenderingInfo info) {
        g2.setFont(FORGET_FONT);
        g2.setPaint(FORGET_PAINT);
        g2.setStroke(FORGET_STROKE);
        super.draw(g2, chartArea, anchor, info);
    }
}
