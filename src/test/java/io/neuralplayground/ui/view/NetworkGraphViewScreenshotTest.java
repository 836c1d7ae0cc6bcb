package io.neuralplayground.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.session.PlaygroundSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import io.neuralplayground.ui.view.graph.GraphLayout;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Renders the graph at the sizes the window gives it and saves PNGs under target/ to be looked at: the default
 * network and the largest (all features, six layers of eight), trained. Checks that the header controls neither
 * overlap nor leave the view.
 */
class NetworkGraphViewScreenshotTest {
    private GraphViewFixture fx;

    static PlaygroundSettings largest() {
        return PlaygroundSettings.defaults()
                .withFeatures(List.of(Feature.values()))
                .withHidden(Collections.nCopies(6, 8), Collections.nCopies(6, Activation.TANH));
    }

    private FxRobot open(PlaygroundSettings settings, double width, double height) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> fx = new GraphViewFixture(s, settings, width, height));
        return new FxRobot();
    }

    @AfterEach
    void close() throws Exception {
        if (fx != null) {
            fx.vm.close();
        }
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
