package io.neuralplayground.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.view.graph.Box;
import io.neuralplayground.ui.view.graph.GraphHit;
import io.neuralplayground.ui.view.graph.GraphLayout;
import io.neuralplayground.ui.view.graph.ValueEditor;
import io.neuralplayground.ui.viewmodel.NodeRef;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The graph in a 700 × 560 window, clicked by the robot: every edit reaches the network of the next snapshot. */
@ExtendWith(ApplicationExtension.class)
class NetworkGraphViewTest {
    @RegisterExtension
    final FxFixture window = new FxFixture();
    private GraphViewFixture fx;

    @Start
    void start(Stage stage) {
        window.start(stage);
        fx = new GraphViewFixture(window, PlaygroundSettings.defaults(), 700, 560);
    }

    @BeforeEach
    void firstFrame(FxRobot robot) throws InterruptedException {
        fx.frame(robot);
    }

    private Network network() {
        return fx.vm.snapshotProperty().get().network();
    }

    private GraphLayout layout() {
        return fx.view.graphLayout();
    }

    private Point2D center(Box box) {
        return fx.screen(box.centerX(), box.centerY());
    }

    private <T extends Node> List<T> all(FxRobot robot, String query) {
        return List.copyOf(robot.lookup(query).queryAll());
    }

    @Test
    void thePlusOfTheLayersHeaderAddsALayerAndTheGraphGrows(FxRobot robot) throws InterruptedException {
        assertThat(network().describe()).isEqualTo("2-4-2-1");
        assertThat(layout().columns()).isEqualTo(4);
        Label title = robot.lookup(".layers-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("2 HIDDEN LAYERS");

        List<Button> buttons = all(robot, ".layers-header .layer-button");
        robot.clickOn(buttons.get(0));
        fx.frame(robot);

        assertThat(network().describe()).isEqualTo("2-4-2-2-1");
        assertThat(layout().columns()).isEqualTo(5);
        assertThat(layout().shape().hidden()).containsExactly(4, 2, 2);
        assertThat(title.getText()).isEqualTo("3 HIDDEN LAYERS");
        assertThat(all(robot, ".layer-buttons")).hasSize(3);

        robot.clickOn(buttons.get(1));
        robot.clickOn(buttons.get(1));
        fx.frame(robot);
        assertThat(network().describe()).isEqualTo("2-4-1");
        assertThat(title.getText()).isEqualTo("1 HIDDEN LAYER");
    }

    @Test
    void theLayersButtonsRespectTheLimits(FxRobot robot) throws InterruptedException {
        List<Button> buttons = all(robot, ".layers-header .layer-button");
        robot.clickOn(buttons.get(1));
        robot.clickOn(buttons.get(1));
        fx.frame(robot);
        assertThat(network().describe()).isEqualTo("2-1");
        assertThat(buttons.get(1).isDisabled()).isTrue();
        assertThat(buttons.get(0).isDisabled()).isFalse();
        assertThat(all(robot, ".layer-buttons")).isEmpty();
    }

    @Test
    void aLayersPlusAndMinusChangeItsNeurons(FxRobot robot) throws InterruptedException {
        List<Node> columns = all(robot, ".layer-buttons");
        Button add = robot.from(columns.get(0)).lookup(".layer-button").nth(0).queryButton();
        Button remove = robot.from(columns.get(1)).lookup(".layer-button").nth(1).queryButton();
        robot.clickOn(add);
        fx.frame(robot);
        assertThat(network().describe()).isEqualTo("2-5-2-1");
        assertThat(robot.lookup(".layer-neurons").nth(0).queryAs(Label.class).getText()).isEqualTo("5 neurons");

        robot.clickOn(remove);
        fx.frame(robot);
        assertThat(network().describe()).isEqualTo("2-5-1-1");
        assertThat(remove.isDisabled()).as("a layer keeps at least one neuron").isTrue();
        assertThat(robot.lookup(".layer-neurons").nth(1).queryAs(Label.class).getText()).isEqualTo("1 neuron");
    }

    @Test
    void clickingAFeatureTogglesIt(FxRobot robot) throws InterruptedException {
        robot.clickOn(center(layout().input(Feature.X1_SQUARED)));
        fx.frame(robot);
        assertThat(network().inputs()).isEqualTo(3);
        assertThat(fx.vm.snapshotProperty().get().features().names()).containsExactly("x1", "x2", "x1sq");

        robot.clickOn(center(layout().input(Feature.X1)));
        fx.frame(robot);
        assertThat(fx.vm.snapshotProperty().get().features().names()).containsExactly("x2", "x1sq");
        assertThat(network().describe()).isEqualTo("2-4-2-1");
    }

    @Test
    void aLayersActivationIsChosenFromItsMenu(FxRobot robot) throws InterruptedException {
        List<MenuButton> menus = all(robot, ".activation-label");
        MenuButton first = menus.stream().filter(l -> !l.getStyleClass().contains("output-activation")).findFirst()
                .orElseThrow();
        assertThat(first.getText()).isEqualTo("tanh");
        robot.clickOn(first);
        robot.clickOn("relu");
        fx.frame(robot);
        assertThat(network().layer(0).activation()).isEqualTo(Activation.RELU);
        assertThat(network().layer(1).activation()).isEqualTo(Activation.TANH);
        assertThat(first.getText()).isEqualTo("relu");

        MenuButton output = robot.lookup(".output-activation").queryAs(MenuButton.class);
        robot.clickOn(output);
        robot.clickOn("sigmoid");
        fx.frame(robot);
        assertThat(network().outputLayer().activation()).isEqualTo(Activation.SIGMOID);
        assertThat(output.getText()).isEqualTo("sigmoid");
    }

    /**
     * The menu opens on the press, as the File menu and the combo boxes do, stays open while the pointer moves over
     * its entries, takes a click on one, and opens again on the next press. Its entries keep their underscores.
     */
    @Test
    void theActivationMenuWorksWithTheMouseLikeTheOtherMenus(FxRobot robot) throws InterruptedException {
        MenuButton first = robot.lookup(".activation-label").queryAll().stream().map(MenuButton.class::cast)
                .filter(l -> !l.getStyleClass().contains("output-activation")).findFirst().orElseThrow();
        robot.moveTo(first).press(MouseButton.PRIMARY);
        assertThat(first.isShowing()).as("open while the button is still down").isTrue();
        robot.release(MouseButton.PRIMARY);
        for (String entry : List.of("sigmoid", "linear", "leaky_relu", "elu", "leaky_relu")) {
            robot.moveTo(entry);
            assertThat(first.isShowing()).as("open with the pointer on " + entry).isTrue();
        }
        robot.clickOn("leaky_relu");
        fx.frame(robot);
        assertThat(first.isShowing()).isFalse();
        assertThat(network().layer(0).activation()).isEqualTo(Activation.LEAKY_RELU);
        assertThat(first.getText()).isEqualTo("leaky_relu");

        robot.clickOn(first);
        assertThat(first.isShowing()).as("opens again at the next click").isTrue();
        assertThat(first.getItems()).filteredOn(i -> ((RadioMenuItem) i).isSelected()).extracting(MenuItem::getText)
                .containsExactly("leaky_relu");
        robot.type(KeyCode.ESCAPE);
        assertThat(first.isShowing()).isFalse();
    }

    @Test
    void clickingALinkEditsItsWeight(FxRobot robot) throws InterruptedException {
        GraphLayout.LinkCurve link = layout().link(0, 0, 3);
        double x = link.x(0.5);
        double y = link.y(0.5);
        assertThat(fx.view.hitAt(x, y)).isEqualTo(new GraphHit.Link(0, 0, 3));
        double before = network().layer(0).weight(0, 3);

        robot.clickOn(fx.screen(x, y));
        ValueEditor editor = fx.view.editor();
        assertThat(editor.isOpen()).isTrue();
        assertThat(editor.field().getText()).isEqualTo(NumberTexts.valueAsTyped(before));
        robot.write("0.75").type(KeyCode.ENTER);
        assertThat(editor.isOpen()).isFalse();
        fx.frame(robot);
        assertThat(network().layer(0).weight(0, 3)).isEqualTo(0.75);
        assertThat(network().layer(0).weight(1, 3)).as("only that link").isNotEqualTo(0.75);

        robot.clickOn(fx.screen(x, y));
        assertThat(editor.isOpen()).isTrue();
        robot.write("abc").type(KeyCode.ENTER);
        assertThat(editor.isOpen()).as("refused, still open").isTrue();
        assertThat(editor.isRefused()).isTrue();
        assertThat(robot.lookup(".value-editor-message").queryAs(Label.class).isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(editor.isOpen()).isFalse();
        fx.frame(robot);
        assertThat(network().layer(0).weight(0, 3)).isEqualTo(0.75);
    }

    @Test
    void clickingABiasEditsIt(FxRobot robot) throws InterruptedException {
        Box bias = layout().bias(1, 1);
        robot.clickOn(center(bias));
        assertThat(fx.view.editor().isOpen()).isTrue();
        robot.write("\u22120.25").type(KeyCode.ENTER);
        fx.frame(robot);
        assertThat(network().layer(1).bias(1)).isEqualTo(-0.25);
    }

    @Test
    void escapeAndClickingElsewhereCancelAnEdit(FxRobot robot) throws InterruptedException {
        double before = network().layer(2).weight(1, 0);
        GraphLayout.LinkCurve link = layout().link(2, 1, 0);
        robot.clickOn(fx.screen(link.x(0.5), link.y(0.5)));
        robot.write("3");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(fx.screen(link.x(0.5), link.y(0.5)));
        robot.write("4");
        robot.clickOn(fx.screen(layout().width() - 20, layout().height() - 20));
        assertThat(fx.view.editor().isOpen()).isFalse();
        fx.frame(robot);
        assertThat(network().layer(2).weight(1, 0)).isEqualTo(before);
    }

    @Test
    void aRebuiltNetworkClosesTheEditorAndForgetsNodesThatAreGone(FxRobot robot) throws InterruptedException {
        GraphLayout.LinkCurve link = layout().link(0, 0, 3);
        robot.clickOn(fx.screen(link.x(0.5), link.y(0.5)));
        robot.write("2");
        assertThat(fx.view.editor().isOpen()).isTrue();
        robot.interact(() -> {
            fx.vm.hoveredProperty().set(new NodeRef.Neuron(1, 1));
            fx.vm.removeLayer();
        });
        fx.frame(robot);
        assertThat(network().describe()).isEqualTo("2-4-1");
        assertThat(fx.view.editor().isOpen()).isFalse();
        assertThat(fx.vm.hoveredProperty().get()).as("layer 2 is gone").isNull();
        assertThat(network().layer(0).weight(0, 3)).isNotEqualTo(2);

        robot.interact(() -> fx.vm.hoveredProperty().set(new NodeRef.Neuron(0, 3)));
        robot.interact(fx.vm::addLayer);
        fx.frame(robot);
        assertThat(fx.vm.hoveredProperty().get()).as("still there").isEqualTo(new NodeRef.Neuron(0, 3));
    }

    @Test
    void hoveringANodeMakesItTheHoveredNode(FxRobot robot) {
        robot.moveTo(center(layout().node(0, 1)));
        assertThat(fx.vm.hoveredProperty().get()).isEqualTo(new NodeRef.Neuron(0, 1));
        robot.moveTo(center(layout().node(2, 0)));
        assertThat(fx.vm.hoveredProperty().get()).isEqualTo(new NodeRef.Neuron(2, 0));
        robot.moveTo(center(layout().input(Feature.X2)));
        assertThat(fx.vm.hoveredProperty().get()).isEqualTo(new NodeRef.Input(Feature.X2));
        robot.moveTo(fx.screen(layout().width() - 20, layout().height() - 20));
        assertThat(fx.vm.hoveredProperty().get()).isNull();
    }

    @Test
    void hoveringALinkOrBiasTellsItsValue(FxRobot robot) {
        GraphLayout.LinkCurve link = layout().link(0, 1, 2);
        robot.moveTo(fx.screen(link.x(0.5), link.y(0.5)));
        Label card = fx.view.hoverCard();
        assertThat(card.isVisible()).isTrue();
        assertThat(card.getText()).startsWith("Weight " + NumberTexts.value(network().layer(0).weight(1, 2))
                + " (X\u2082 \u2192 neuron 3 of layer 1)");
        assertThat(fx.vm.hoveredProperty().get()).isNull();

        robot.moveTo(center(layout().bias(2, 0)));
        assertThat(card.getText()).startsWith("Bias " + NumberTexts.value(network().layer(2).bias(0))
                + " (the output)");
        robot.moveTo(fx.screen(layout().width() - 20, layout().height() - 20));
        assertThat(card.isVisible()).isFalse();
    }

    @Test
    void theThumbnailsShowTheHeatmaps(FxRobot robot) {
        PixelReader pixels = fx.render(robot).getPixelReader();
        // X₁'s picture goes from orange on the left to blue on the right.
        Box x1 = layout().input(Feature.X1);
        Color left = pixels.getColor((int) x1.x() + 3, (int) x1.centerY());
        Color right = pixels.getColor((int) x1.right() - 3, (int) x1.centerY());
        assertThat(left.getRed()).isGreaterThan(left.getBlue() + 0.3);
        assertThat(right.getBlue()).isGreaterThan(right.getRed() + 0.3);
        // A feature that is off shows no picture.
        Box off = layout().input(Feature.SIN_X1);
        Color plain = pixels.getColor((int) off.centerX(), (int) off.centerY());
        assertThat(Math.abs(plain.getRed() - plain.getBlue())).isLessThan(0.05);
    }

    @Test
    void afterTrainingTheLinksAreBlueAndOrange(FxRobot robot) throws InterruptedException {
        fx.vm.session().trainEpochs(200);
        fx.frame(robot);
        WritableImage image = fx.render(robot);
        Network network = network();
        int[] strongest = null;
        int[] weakest = null;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    double w = layer.weight(i, j);
                    if (strongest == null || w > network.layer(strongest[0]).weight(strongest[1], strongest[2])) {
                        strongest = new int[] {l, i, j};
                    }
                    if (weakest == null || w < network.layer(weakest[0]).weight(weakest[1], weakest[2])) {
                        weakest = new int[] {l, i, j};
                    }
                }
            }
        }
        assertThat(network.layer(strongest[0]).weight(strongest[1], strongest[2])).isGreaterThan(0.5);
        assertThat(network.layer(weakest[0]).weight(weakest[1], weakest[2])).isLessThan(-0.5);
        Color blue = colorOnLink(image, strongest);
        Color orange = colorOnLink(image, weakest);
        assertThat(blue.getBlue()).isGreaterThan(blue.getRed() + 0.3);
        assertThat(orange.getRed()).isGreaterThan(orange.getBlue() + 0.3);
    }

    /** The pixel at a point of the link where it is the link on top (the one the hit tester finds). */
    private Color colorOnLink(WritableImage image, int[] link) {
        GraphLayout.LinkCurve curve = layout().link(link[0], link[1], link[2]);
        GraphHit wanted = new GraphHit.Link(link[0], link[1], link[2]);
        for (double t = 0.5; t > 0.05; t -= 0.05) {
            for (double s : new double[] {t, 1 - t}) {
                double x = curve.x(s);
                double y = curve.y(s);
                if (wanted.equals(fx.view.hitAt(x, y))) {
                    return image.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
                }
            }
        }
        throw new AssertionError("no point of link " + wanted + " is its own");
    }
}
