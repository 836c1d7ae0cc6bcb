package io.neuralplayground.ui.view.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.teaching.AutodiffViewModel;
import java.text.Normalizer;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The autodiff view driven like a user: typing, Enter, the arrow keys, Home and End, the buttons. */
@ExtendWith(ApplicationExtension.class)
class AutodiffViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private AutodiffViewModel vm;
    private AutodiffView view;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = new AutodiffViewModel();
        view = new AutodiffView(vm);
        fx.show(view, 1400, 780);
    }

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    private String step() {
        return view.stepTextLabel().getText();
    }

    private void typeExpression(FxRobot robot, String text) {
        robot.clickOn(view.expressionField());
        robot.interact(() -> view.expressionField().selectAll());
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void typeAFunctionThenStepWithTheKeys(FxRobot robot) {
        typeExpression(robot, "x^2 + exp(x^2)");
        assertThat(vm.expressionProperty().get()).isEqualTo("x^2 + exp(x^2)");
        assertThat(vm.graph().size()).isEqualTo(4);
        assertThat(view.graphPane().isFocused()).as("Enter hands the keys to the graph").isTrue();
        assertThat(view.stepTitleLabel().getText()).isEqualTo("Start");

        robot.type(KeyCode.RIGHT, 3);
        assertThat(step()).isEqualTo("b = exp(a) = exp(1.0000) = 2.7183");
        assertThat(view.stepTitleLabel().getText()).startsWith("Forward pass, step 3 of 4");

        robot.type(KeyCode.RIGHT, 3);
        assertThat(step()).isEqualTo(nfd("b̄ = c̄·∂c/∂b = 1.0000·1.0000 = 1.0000"));

        robot.type(KeyCode.RIGHT);
        // The square's adjoint sums its two uses: b̄·exp(a) + c̄·1 = e + 1.
        assertThat(step()).isEqualTo(nfd("ā = b̄·∂b/∂a + c̄·∂c/∂a = 1.0000·2.7183 + 1.0000·1.0000 = 3.7183"));

        robot.type(KeyCode.LEFT);
        assertThat(vm.position()).isEqualTo(6);
        robot.type(KeyCode.END);
        assertThat(step()).isEqualTo(nfd("x̄ = ā·∂a/∂x = 3.7183·2.0000 = 7.4366  = df/dx"));
        assertThat(view.derivativeLabel().getText()).isEqualTo("7.436563657");
        assertThat(view.nextButton().isDisabled()).isTrue();
        robot.type(KeyCode.HOME);
        assertThat(vm.position()).isZero();
        assertThat(view.derivativeLabel().getText()).isEqualTo("after the backward pass");
    }

    @Test
    void arrowsInATextFieldMoveTheCaretNotTheSteps(FxRobot robot) {
        robot.clickOn(view.xField());
        robot.type(KeyCode.RIGHT, 2).type(KeyCode.END).type(KeyCode.LEFT);
        assertThat(vm.position()).isZero();
        robot.interact(() -> view.xField().setText("0.5"));
        robot.type(KeyCode.ENTER);
        assertThat(vm.xProperty().get()).isEqualTo(0.5);
        robot.type(KeyCode.RIGHT);
        assertThat(step()).isEqualTo("x = 0.5000  (the input)");
    }

    @Test
    void aParseErrorShowsUnderTheFieldAndTheGraphStays(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        typeExpression(robot, "x^2 + )");
        assertThat(view.errorLabel().isVisible()).isTrue();
        assertThat(view.errorLabel().getText()).isEqualTo("Unexpected ')' at position 6: '+' needs an operand after it");
        assertThat(view.errorPointerLabel().getText()).isEqualTo("x^2 + )\n      ^");
        assertThat(vm.graph().size()).isEqualTo(7);
        assertThat(vm.position()).isEqualTo(2);
        assertThat(view.expressionField().isFocused()).as("the field keeps the focus to be corrected").isTrue();
        typeExpression(robot, "x^2 + 1");
        assertThat(view.errorLabel().isVisible()).isFalse();
        assertThat(view.errorPointerLabel().isVisible()).isFalse();
        assertThat(vm.graph().size()).isEqualTo(3);
    }

    @Test
    void theButtonsStepAndSayTheirKeys(FxRobot robot) {
        Button next = view.nextButton();
        robot.clickOn(next);
        robot.clickOn(next);
        assertThat(step()).isEqualTo("a = x² = 1.0000² = 1.0000");
        assertThat(next.getTooltip().getText()).contains("(→)");
        assertThat(robot.lookup(".autodiff-button").queryAllAs(Button.class)).extracting(b -> b.getTooltip().getText())
                .anySatisfy(t -> assertThat(t).contains("(←)"))
                .anySatisfy(t -> assertThat(t).contains("(Home)"))
                .anySatisfy(t -> assertThat(t).contains("(End)"));
        robot.clickOn(robot.lookup("Run to end").queryButton());
        assertThat(vm.atEndProperty().get()).isTrue();
        robot.clickOn(robot.lookup("Back to start").queryButton());
        assertThat(vm.position()).isZero();
    }

    @Test
    void longParseErrorsAreCutAroundTheCaret() {
        String text = "x + ".repeat(60) + ")";
        String pointer = text + "\n" + " ".repeat(text.length() - 1) + "^";
        String cropped = AutodiffView.crop(pointer, 40);
        String[] lines = cropped.split("\n");
        assertThat(lines[0]).startsWith("…").hasSizeLessThanOrEqualTo(42).endsWith(")");
        assertThat(lines[0].charAt(lines[1].length() - 1)).isEqualTo(')');
        assertThat(AutodiffView.crop("x)\n ^", 40)).isEqualTo("x)\n ^");
    }
}
