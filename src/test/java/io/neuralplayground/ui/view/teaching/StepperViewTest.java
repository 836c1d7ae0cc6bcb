package io.neuralplayground.ui.view.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep.Kind;
import io.neuralplayground.ui.viewmodel.teaching.StepperViewModel;
import io.neuralplayground.ui.viewmodel.teaching.TeachingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stepper view headless: the keyboard through a whole trace, what fits, and its pictures. */
@ExtendWith(ApplicationExtension.class)
class StepperViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel playground;
    private StepperViewModel vm;
    private StepperView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    private void open(FxRobot robot, double width, double height, Consumer<StepperViewModel> setup) {
        robot.interact(() -> {
            playground = fx.playground(PlaygroundSettings.defaults());
            vm = new StepperViewModel(new TeachingContext(playground));
            setup.accept(vm);
            view = new StepperView(vm);
            scene = fx.show(view, width, height);
        });
        robot.interact(view::requestFocus);
    }

    private String formula(FxRobot robot) {
        return robot.lookup(".stepper-formula").queryAs(Label.class).getText();
    }

    @Test
    void theKeyboardStepsThroughAWholeTrace(FxRobot robot) {
        open(robot, 1400, 780, StepperViewModel::openTextbookExample);
        assertThat(vm.index()).isZero();
        assertThat(formula(robot)).startsWith("Ready");

        robot.type(KeyCode.RIGHT);
        assertThat(formula(robot)).isEqualTo("a(1) = W(1)·h(0) + b(1)");
        robot.type(KeyCode.RIGHT, 8);
        assertThat(vm.index()).isEqualTo(9);
        assertThat(formula(robot)).isEqualTo("∇W(2) = g·h(1)ᵀ");
        // The whole trace, and beyond its end.
        int count = vm.stepCountProperty().get();
        for (int i = 9; i < count + 2; i++) {
            robot.type(KeyCode.RIGHT);
        }
        assertThat(vm.index()).isEqualTo(count);
        assertThat(formula(robot)).isEqualTo("b(1) ← b(1) − α·∇b(1),  α = 0.5");

        robot.type(KeyCode.HOME);
        assertThat(vm.index()).isZero();
        assertThat(formula(robot)).startsWith("Ready");
        robot.type(KeyCode.END);
        assertThat(vm.index()).isEqualTo(count);
        robot.type(KeyCode.LEFT, 3);
        assertThat(vm.currentStep().kind()).isEqualTo(Kind.UPDATE);
        assertThat(formula(robot)).isEqualTo("W(2) ← W(2) − α·∇W(2),  α = 0.5");

        // Typing in a field keeps the arrows for the field.
        robot.interact(() -> robot.lookup(".stepper-input").queryAs(TextField.class).requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(vm.index()).isEqualTo(count - 3);
        robot.interact(view::requestFocus);

        // Enter at an update step applies it, and the steps start again on the new weights.
        double w5 = vm.context().network().network().layer(1).weight(0, 0);
        robot.type(KeyCode.ENTER);
        assertThat(vm.context().network().network().layer(1).weight(0, 0)).isNotEqualTo(w5).isBetween(0.3589164,
                0.3589165);
        assertThat(vm.index()).isZero();
        assertThat(robot.lookup(".stepper-status").queryAs(Label.class).getText()).startsWith("Update applied.");
    }

    @Test
    void buttonsStepAndApplyIsEnabledAtTheUpdateOnly(FxRobot robot) {
        open(robot, 1400, 780, StepperViewModel::openTextbookExample);
        Button next = robot.lookup(".stepper-next").queryAs(Button.class);
        Button apply = robot.lookup(".stepper-apply").queryAs(Button.class);
        assertThat(apply.isDisabled()).isTrue();
        robot.clickOn(next);
        robot.clickOn(next);
        assertThat(vm.index()).isEqualTo(2);
        assertThat(formula(robot)).isEqualTo("h(1) = σ(a(1))");
        robot.clickOn(robot.lookup(".stepper-end").queryAs(Button.class));
        assertThat(apply.isDisabled()).isFalse();
        assertThat(next.isDisabled()).isTrue();
        robot.clickOn(robot.lookup(".stepper-layout-toggle").queryAs(Node.class));
        assertThat(vm.layout().name()).isEqualTo("KERAS");
        assertThat(formula(robot)).isEqualTo("b(1) ← b(1) − α·∇b(1),  α = 0.5");
        robot.type(KeyCode.LEFT, 3);
        assertThat(formula(robot)).isEqualTo("K(2) ← K(2) − α·∇K(2),  α = 0.5");
    }

    @Test
    void theValuesComputedSoFarKeepTheirCardsAndMarkTheNewest(FxRobot robot) {
        open(robot, 1400, 780, StepperViewModel::openTextbookExample);
        robot.type(KeyCode.RIGHT, 3);
        List<Node> three = List.copyOf(robot.lookup(".stepper-computed").queryAs(Pane.class).getChildren());
        assertThat(three).hasSize(3);
        robot.type(KeyCode.RIGHT);
        List<Node> four = robot.lookup(".stepper-computed").queryAs(Pane.class).getChildren();
        assertThat(four).hasSize(4).startsWith(three.toArray(Node[]::new));
        assertThat(four.stream().map(n -> n.getStyleClass().contains("stepper-card-latest")))
                .containsExactly(false, false, false, true);
        assertThat(four.stream().map(n -> n.getStyleClass().contains("stepper-card")))
                .containsExactly(true, true, true, false);
        robot.type(KeyCode.LEFT, 2);
        List<Node> two = robot.lookup(".stepper-computed").queryAs(Pane.class).getChildren();
        assertThat(two).containsExactly(three.get(0), three.get(1));
        assertThat(two.get(1).getStyleClass()).contains("stepper-card-latest").doesNotContain("stepper-card");
        // Other steps (the other layout) make new cards.
        robot.clickOn(robot.lookup(".stepper-layout-toggle").queryAs(Node.class));
        robot.interact(view::requestFocus);
        List<Node> keras = robot.lookup(".stepper-computed").queryAs(Pane.class).getChildren();
        assertThat(keras).hasSize(2).doesNotContain(three.get(0), three.get(1));
    }

    @Test
    void aTypedMinibatchAndAMistake(FxRobot robot) {
        open(robot, 1400, 780, StepperViewModel::openTextbookExample);
        TextField input = robot.lookup(".stepper-input").queryAs(TextField.class);
        robot.interact(() -> {
            input.setText("0.05, 0.1; 0.5");
            input.fireEvent(new javafx.event.ActionEvent());
        });
        Label error = robot.lookup(".stepper-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Input x, example 2, has 1 value but the network takes 2 (X₁, X₂).");
        robot.interact(() -> {
            input.setText("0.05, 0.1; 0.5, -0.2");
            robot.lookup(".stepper-target").queryAs(TextField.class).setText("0.01, 0.99; 1, 0");
        });
        robot.clickOn("Use example");
        assertThat(error.isVisible()).isFalse();
        assertThat(vm.steps().exampleCount()).isEqualTo(2);
        robot.interact(view::requestFocus);
        robot.type(KeyCode.RIGHT, 8);
        assertThat(formula(robot)).isEqualTo("∇b(2) = (1/m) Σ_r g_r,  m = 2");
    }

    @Test
    void pictures(FxRobot robot) throws IOException {
        open(robot, 1400, 780, StepperViewModel::openTextbookExample);
        robot.interact(() -> vm.goTo(vm.steps().indexOf(Kind.GRAD_WEIGHTS, 2) + 1));
        assertThat(formula(robot)).isEqualTo("∇W(2) = g·h(1)ᵀ");
        assertEverythingFits(robot);
        // The result ∇W(2): four decimals shown, every digit on hover (∂E/∂w5 of the textbook).
        List<Label> cells = robot.lookup(".stepper-numbers .stepper-cell").queryAllAs(Label.class).stream().toList();
        Label w5 = cells.get(cells.size() - 4);
        double exact = vm.currentStep().result().get(0, 0);
        assertThat(w5.getText()).isEqualTo("0.0822");
        assertThat(w5.getTooltip().getText()).isEqualTo(Double.toString(exact)).startsWith("0.08216704");
        save(robot, Path.of("target", "stepper.png"));
        robot.interact(() -> vm.goTo(vm.steps().indexOf(Kind.G_ACTIVATION, 2) + 1));
        save(robot, Path.of("target", "stepper-sigmoid-derivative.png"));
        robot.interact(() -> vm.kerasLayoutProperty().set(true));
        robot.interact(() -> vm.goTo(vm.steps().indexOf(Kind.FORWARD_A, 2) + 1));
        save(robot, Path.of("target", "stepper-keras.png"));
        robot.interact(() -> vm.kerasLayoutProperty().set(false));
        robot.interact(() -> vm.goTo(vm.steps().indexOf(Kind.UPDATE, 2) + 1));
        save(robot, Path.of("target", "stepper-update.png"));

        robot.interact(() -> {
            vm.usePlaygroundMinibatch(4);
            vm.goTo(vm.steps().indexOf(Kind.GRAD_WEIGHTS, 2) + 1);
        });
        assertThat(formula(robot)).isEqualTo("∇W(2) = (1/m) Σ_r g_r·h(1)_rᵀ = (1/m)·G·H(1)ᵀ,  m = 4");
        assertEverythingFits(robot);
        save(robot, Path.of("target", "stepper-minibatch.png"));
    }

    @Test
    void softmaxPicture(FxRobot robot) throws IOException {
        Network n = new Network(2, List.of(
                new DenseLayer(new double[][] {{0.2, -0.4, 0.1}, {0.5, 0.3, -0.6}}, new double[] {0.1, 0, -0.1},
                        Activation.TANH),
                new DenseLayer(new double[][] {{0.7, -0.2, 0.1}, {-0.3, 0.8, 0.2}, {0.4, 0.1, -0.9}},
                        new double[] {0, 0.1, 0.2}, Activation.SOFTMAX)));
        open(robot, 1400, 780, s -> {
            s.openModel(new Model(List.of("x1", "x2"), n, Map.of()), "softmax-2-3-3.json");
            s.inputTextProperty().set("0.5, -1");
            s.targetTextProperty().set("0, 0, 1");
            s.applyExampleText();
        });
        robot.interact(() -> vm.goTo(vm.steps().indexOf(Kind.G_ACTIVATION, 2) + 1));
        assertThat(formula(robot)).isEqualTo("g ← Jᵀ·g = y − t,  J = ∂h/∂a = diag(y) − y·yᵀ");
        assertEverythingFits(robot);
        save(robot, Path.of("target", "stepper-softmax.png"));
    }

    @Test
    void theSmallestWindow(FxRobot robot) throws IOException {
        open(robot, 1100, 640, StepperViewModel::openTextbookExample);
        robot.interact(() -> vm.goTo(vm.steps().indexOf(Kind.G_PROPAGATE, 2) + 1));
        assertEverythingFits(robot);
        save(robot, Path.of("target", "stepper-small.png"));
        robot.interact(() -> {
            vm.usePlaygroundMinibatch(10);
            vm.goTo(vm.steps().indexOf(Kind.FORWARD_A, 1) + 1);
        });
        assertEverythingFits(robot);
        save(robot, Path.of("target", "stepper-small-minibatch.png"));
        robot.interact(() -> {
            vm.usePlaygroundNetwork();
            vm.runToEnd();
        });
        save(robot, Path.of("target", "stepper-small-playground.png"));
    }

    /** The controls of the bars and the formula lie inside the view and do not overlap each other. */
    private void assertEverythingFits(FxRobot robot) {
        List<Node> nodes = List.of(robot.lookup(".stepper-formula").query(), robot.lookup(".stepper-next").query(),
                robot.lookup(".stepper-apply").query(), robot.lookup(".stepper-end").query(),
                robot.lookup(".stepper-layout-toggle").query(), robot.lookup(".stepper-input").query(),
                robot.lookup(".stepper-target").query(), robot.lookup(".stepper-rate").query(),
                robot.lookup(".stepper-use-playground").query());
        for (Node a : nodes) {
            Bounds ba = a.localToScene(a.getBoundsInLocal());
            assertThat(ba.getMinX()).as("%s inside", a).isGreaterThanOrEqualTo(0);
            assertThat(ba.getMaxX()).as("%s inside", a).isLessThanOrEqualTo(scene.getWidth());
            assertThat(ba.getMinY()).as("%s inside", a).isGreaterThanOrEqualTo(0);
            assertThat(ba.getMaxY()).as("%s inside", a).isLessThanOrEqualTo(scene.getHeight());
            for (Node b : nodes) {
                if (a != b) {
                    assertThat(ba.intersects(b.localToScene(b.getBoundsInLocal()))).as("%s overlaps %s", a, b)
                            .isFalse();
                }
            }
        }
    }

    private void save(FxRobot robot, Path path) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        Files.createDirectories(path.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", path.toFile());
        assertThat(Files.size(path)).isGreaterThan(1000);
    }
}
