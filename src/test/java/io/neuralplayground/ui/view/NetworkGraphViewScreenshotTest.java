package io.neuralplayground.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.ui.view.graph.GraphHit;
import javafx.scene.input.KeyCode;
import io.neuralplayground.ui.view.graph.GraphLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Renders the graph at the sizes the window gives it and saves PNGs under target/ to be looked at: the default
 * network and the largest (all features, six layers of eight), trained. Checks that the header controls neither
 * overlap nor leave the view.
 */
class NetworkGraphViewScreenshotTest {
    @RegisterExtension
    final FxFixture window = new FxFixture();
    private GraphViewFixture fx;

    static PlaygroundSettings largest() {
        return PlaygroundSettings.defaults()
                .withFeatures(List.of(Feature.values()))
                .withHidden(Collections.nCopies(6, 8), Collections.nCopies(6, Activation.TANH));
    }

    private FxRobot open(PlaygroundSettings settings, double width, double height) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window.start(stage);
            fx = new GraphViewFixture(window, settings, width, height);
        });
        return new FxRobot();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void trainAndSave(FxRobot robot, int epochs, String name) throws Exception {
        fx.vm.session().trainEpochs(epochs);
        fx.frame(robot);
        fx.frame(robot);
        Path file = fx.save(robot, name);
        assertThat(Files.size(file)).isGreaterThan(1000);
        assertHeadersFit(robot);
    }

    private void assertHeadersFit(FxRobot robot) {
        List<Node> controls = fx.view.getChildrenUnmodifiable().stream()
                .filter(n -> n.isVisible() && n.getStyleClass().stream().anyMatch(c -> c.equals("layer-header")
                        || c.equals("column-title") || c.equals("layers-header")))
                .toList();
        assertThat(controls).isNotEmpty();
        for (Node a : controls) {
            Bounds ba = a.getBoundsInParent();
            assertThat(ba.getMinX()).as("%s inside the view", a).isGreaterThanOrEqualTo(0);
            assertThat(ba.getMaxX()).as("%s inside the view", a).isLessThanOrEqualTo(fx.view.getWidth());
            assertThat(ba.getMinY()).isGreaterThanOrEqualTo(0);
            assertThat(ba.getMaxY()).as("%s above the nodes", a).isLessThanOrEqualTo(
                    fx.view.graphLayout().input(Feature.X1).y());
            for (Node b : controls) {
                if (a != b) {
                    assertThat(ba.intersects(b.getBoundsInParent())).as("%s overlaps %s", a, b).isFalse();
                }
            }
        }
    }

    @Test
    void defaultNetwork() throws Exception {
        FxRobot robot = open(PlaygroundSettings.defaults(), 700, 560);
        trainAndSave(robot, 100, "graph-view-default.png");
    }

    @Test
    void linksFrozenByL1AreDashedAndGrey() throws Exception {
        PlaygroundSettings settings = largest().withHidden(List.of(8, 8), List.of(Activation.TANH, Activation.TANH))
                .withRegularization(new Regularization(Regularization.Kind.L1, 0.03)).withLearningRate(0.1);
        FxRobot robot = open(settings, 700, 560);
        trainAndSave(robot, 300, "graph-view-l1.png");
        Network network = fx.vm.snapshotProperty().get().network();
        GraphLayout layout = fx.view.graphLayout();
        PixelReader pixels = fx.render(robot).getPixelReader();
        int frozen = 0;
        int grey = 0;
        for (int l = 0; l < network.depth(); l++) {
            for (int i = 0; i < network.layer(l).inputs(); i++) {
                for (int j = 0; j < network.layer(l).units(); j++) {
                    if (!network.layer(l).isFrozen(i, j)) {
                        continue;
                    }
                    frozen++;
                    GraphLayout.LinkCurve c = layout.link(l, i, j);
                    for (double t = 0.1; t < 0.9; t += 0.01) {
                        if (new GraphHit.Link(l, i, j).equals(fx.view.hitAt(c.x(t), c.y(t)))) {
                            Color color = pixels.getColor((int) c.x(t), (int) c.y(t));
                            if (Math.abs(color.getRed() - color.getBlue()) < 0.03 && color.getRed() < 0.9) {
                                grey++;
                                break;
                            }
                        }
                    }
                }
            }
        }
        assertThat(frozen).as("L1 froze some links").isGreaterThan(5);
        assertThat(grey).as("frozen links drawn grey").isGreaterThan(frozen / 2);
    }

    @Test
    void hoverCardAndRefusedEdit() throws Exception {
        FxRobot robot = open(PlaygroundSettings.defaults(), 700, 560);
        fx.vm.session().trainEpochs(100);
        fx.frame(robot);
        GraphLayout layout = fx.view.graphLayout();
        GraphLayout.LinkCurve link = layout.link(1, 0, 1);
        robot.moveTo(fx.screen(link.x(0.5), link.y(0.5)));
        assertThat(fx.view.hoverCard().isVisible()).isTrue();
        fx.save(robot, "graph-view-hover.png");
        robot.clickOn(fx.screen(link.x(0.5), link.y(0.5)));
        robot.write("abc").type(KeyCode.ENTER);
        assertThat(fx.view.editor().isRefused()).isTrue();
        robot.moveTo(fx.screen(layout.node(0, 2).centerX(), layout.node(0, 2).centerY()));
        fx.save(robot, "graph-view-editor.png");
    }

    @Test
    void largestNetwork() throws Exception {
        FxRobot robot = open(largest(), 700, 560);
        trainAndSave(robot, 300, "graph-view.png");
    }

    @Test
    void largestNetworkInTheSmallestWindow() throws Exception {
        FxRobot robot = open(largest(), 500, 450);
        trainAndSave(robot, 300, "graph-view-small.png");
    }

    @Test
    void largestNetworkInALargeWindow() throws Exception {
        FxRobot robot = open(largest(), 750, 650);
        trainAndSave(robot, 300, "graph-view-large.png");
    }
}
