package io.neuralplayground.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.testing.Performance;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.NodeRef;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The largest network (seven features, six layers of eight: 440 links, 56 pictures) redrawn many times, as while
 * training at 60 frames a second with software rendering. The bounds are loose (a slow machine must pass); the
 * printed times are the measure. Timing only, so in the performance profile ({@code mvn -Pperformance verify}); that
 * the largest network draws right is {@link NetworkGraphViewScreenshotTest}'s.
 */
@Performance
@ExtendWith(ApplicationExtension.class)
class NetworkGraphViewPerformanceTest {
    @RegisterExtension
    final FxFixture window = new FxFixture();
    private GraphViewFixture fx;

    @Start
    void start(Stage stage) {
        window.start(stage);
        fx = new GraphViewFixture(window, NetworkGraphViewScreenshotTest.largest(), 700, 560);
    }

    /**
     * Paints the graph now, as the next pulse would: a hover only marks the graph dirty and asks for a pulse, which
     * cannot come while the test holds the FX thread, so a loop of hovers alone paints nothing. The layout pass
     * paints the canvas ({@code layoutChildren}) the way the pulse's paint does, with the same painter call.
     */
    private void paint() {
        fx.view.requestLayout();
        fx.view.layout();
    }

    @Test
    void redrawingTheLargestNetworkIsCheap(FxRobot robot) throws InterruptedException {
        fx.vm.session().trainEpochs(20);
        fx.frame(robot);
        int frames = 300;
        long[] paint = new long[1];
        robot.interact(() -> {
            // The measure measures painting: two hovers painted this way give two different pictures.
            fx.vm.hoveredProperty().set(new NodeRef.Neuron(1, 0));
            paint();
            Image first = fx.view.snapshot(null, null);
            fx.vm.hoveredProperty().set(new NodeRef.Neuron(3, 5));
            paint();
            assertThat(ViewTesting.samePixels(first, fx.view.snapshot(null, null)))
                    .as("the graph painted for another hovered node").isFalse();

            // Each change of the hovered node repaints the canvas; the links' image is kept (same weights).
            for (int warm = 0; warm < 50; warm++) {
                fx.vm.hoveredProperty().set(new NodeRef.Neuron(0, warm % 8));
                paint();
            }
            long start = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                fx.vm.hoveredProperty().set(new NodeRef.Neuron(1 + f % 5, f % 8));
                paint();
            }
            paint[0] = System.nanoTime() - start;
        });
        double paintMs = paint[0] / 1e6 / frames;

        int epochs = 30;
        long[] epochPaint = new long[1];
        long start = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            fx.vm.session().trainEpochs(1);
            fx.vm.session().sync();
            robot.interact(() -> {
                fx.vm.onFrame();
                // New weights: the links are rastered again, as in every frame while training.
                long begin = System.nanoTime();
                paint();
                epochPaint[0] += System.nanoTime() - begin;
            });
        }
        double frameMs = (System.nanoTime() - start) / 1e6 / epochs;
        double epochPaintMs = epochPaint[0] / 1e6 / epochs;

        int renders = 30;
        long[] render = new long[1];
        WritableImage target = new WritableImage((int) fx.scene.getWidth(), (int) fx.scene.getHeight());
        robot.interact(() -> {
            for (int warm = 0; warm < 5; warm++) {
                fx.vm.hoveredProperty().set(new NodeRef.Neuron(0, warm % 8));
                paint();
                fx.scene.snapshot(target);
            }
            long begin = System.nanoTime();
            for (int r = 0; r < renders; r++) {
                fx.vm.hoveredProperty().set(new NodeRef.Neuron(1 + r % 5, r % 8));
                paint();
                fx.scene.snapshot(target);
            }
            render[0] = System.nanoTime() - begin;
        });
        double renderMs = render[0] / 1e6 / renders;
        System.out.printf("graph of %s: paint after a hover %.2f ms, after an epoch %.2f ms; epoch + heatmaps +"
                + " frame %.2f ms, paint + render %.2f ms%n", fx.vm.snapshotProperty().get().network().describe(),
                paintMs, epochPaintMs, frameMs, renderMs);
        assertThat(paintMs).isLessThan(8);
        assertThat(epochPaintMs).isLessThan(20);
        assertThat(renderMs).isLessThan(50);
    }
}
