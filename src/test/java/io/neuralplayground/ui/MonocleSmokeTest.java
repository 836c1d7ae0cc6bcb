package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MonocleSmokeTest {
    private Scene scene;

    @Start
    void start(Stage stage) {
        Canvas canvas = new Canvas(100, 50);
        canvas.getGraphicsContext2D().setFill(Color.web("#f59322"));
        canvas.getGraphicsContext2D().fillRect(0, 0, 50, 50);
        XYSeries series = new XYSeries("loss");
        series.add(1, 0.5);
        series.add(2, 0.25);
        JFreeChart chart = ChartFactory.createXYLineChart("", "epoch", "loss", new XYSeriesCollection(series));
        scene = new Scene(new VBox(canvas, new ChartViewer(chart)), 400, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void snapshotsHaveRealPixels(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        Color corner = image[0].getPixelReader().getColor(10, 10);
        assertThat(corner.getRed()).isGreaterThan(0.9);
        assertThat(corner.getBlue()).isLessThan(0.3);
    }
}
