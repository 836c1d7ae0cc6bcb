package io.neuralplayground.ui.viewmodel.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.engine.autodiff.AutodiffFunctions;
import io.neuralplayground.engine.autodiff.ComputationalGraph;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The autodiff view model without the FX thread. */
class AutodiffViewModelTest {
    private final AutodiffViewModel vm = new AutodiffViewModel();

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void opensWithTheDefaultExampleAtTheStart() {
        assertThat(vm.expressionProperty().get()).isEqualTo("sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))");
        assertThat(vm.xProperty().get()).isEqualTo(1);
        assertThat(vm.graph().size()).isEqualTo(7);
        assertThat(vm.position()).isZero();
        assertThat(vm.atStartProperty().get()).isTrue();
        assertThat(vm.atEndProperty().get()).isFalse();
        assertThat(vm.stepTitleProperty().get()).isEqualTo("Start");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.derivativeProperty().get()).isCloseTo(5.983082595908695, within(1e-14));
        assertThat(vm.numericDerivativeProperty().get()).isCloseTo(5.983082595908695, within(1e-9));
        assertThat(Math.abs(vm.differenceProperty().get())).isLessThan(1e-9);
        assertThat(vm.valueProperty().get()).isCloseTo(1.0900122119747424, within(1e-15));
    }

    @Test
    void stepsForwardThenBackwardAndStopsAtBothEnds() {
        vm.previous();
        assertThat(vm.position()).isZero();
        vm.next();
        assertThat(vm.stepTitleProperty().get()).isEqualTo("Forward pass, step 1 of 7: the input");
        assertThat(vm.stepTextProperty().get()).isEqualTo("x = 1.0000  (the input)");
        vm.next();
        vm.next();
        assertThat(vm.stepTextProperty().get()).isEqualTo("b = exp(a) = exp(1.0000) = 2.7183");
        assertThat(vm.stepTitleProperty().get()).isEqualTo("Forward pass, step 3 of 7: the value of b from its operands");
        vm.moveTo(8);
        assertThat(vm.stepTitleProperty().get()).isEqualTo("Backward pass, step 1 of 7: the output's adjoint, ∂f/∂f = 1");
        vm.toEnd();
        assertThat(vm.position()).isEqualTo(14);
        assertThat(vm.atEndProperty().get()).isTrue();
        assertThat(vm.stepTitleProperty().get()).isEqualTo(nfd("Backward pass, step 7 of 7: the adjoint x̄ = ∂f/∂x, "
                + "a sum over the uses of x of the user's adjoint × the local derivative"));
        assertThat(vm.stepTextProperty().get()).isEqualTo(nfd("x̄ = ā·∂a/∂x = 2.9915·2.0000 = 5.9831  = df/dx"));
        vm.next();
        assertThat(vm.position()).isEqualTo(14);
        vm.previous();
        assertThat(vm.stepTextProperty().get()).startsWith(nfd("ā = "));
        vm.toStart();
        assertThat(vm.position()).isZero();
    }

    @Test
    void aBadExpressionKeepsTheLastGoodGraphAndSaysWhere() {
        ComputationalGraph before = vm.graph();
        vm.next();
        assertThat(vm.setExpression("x^2 + )")).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Unexpected ')' at position 6: '+' needs an operand after it");
        assertThat(vm.errorPointerProperty().get()).isEqualTo("x^2 + )\n      ^");
        assertThat(vm.graph()).isSameAs(before);
        assertThat(vm.position()).isEqualTo(1);
        assertThat(vm.setExpression("x^2 + exp(x^2)")).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.errorPointerProperty().get()).isEmpty();
        assertThat(vm.graph().size()).isEqualTo(4);
        assertThat(vm.position()).isZero();
        // x̄ = (e + 1)·2 at x = 1: the square's adjoint sums its two uses.
        assertThat(vm.derivativeProperty().get()).isCloseTo(2 * (Math.E + 1), within(1e-14));
    }

    @Test
    void aNewXKeepsThePositionAndRecomputes() {
        vm.moveTo(5);
        assertThat(vm.setX(" -0.5 ")).isTrue();
        assertThat(vm.position()).isEqualTo(5);
        assertThat(vm.stepTextProperty().get()).isEqualTo("d = √c = √1.5340 = 1.2386");
        assertThat(vm.setX("abc")).isFalse();
        assertThat(vm.xErrorProperty().get()).isEqualTo("x must be a number, such as 1, -0.5 or 2e-3; 'abc' is not one");
        assertThat(vm.xProperty().get()).isEqualTo(-0.5);
        assertThat(vm.setX("1f")).isFalse();
        assertThat(vm.setX("NaN")).isFalse();
        assertThat(vm.setX("−2")).isTrue();
        assertThat(vm.xErrorProperty().get()).isEmpty();
        assertThat(vm.xProperty().get()).isEqualTo(-2);
        vm.setExpression(vm.expressionProperty().get() + "  ");
        assertThat(vm.position()).as("the same function again keeps the place").isEqualTo(5);
    }

    @Test
    void undefinedNumbersAreExplained() {
        vm.setExpression("log(x)");
        vm.setX(-1);
        assertThat(vm.derivativeProperty().get()).isNaN();
        assertThat(vm.problemsProperty().get()).isEqualTo("a = log(x) is NaN at x = −1.0000: log needs a positive argument");
        vm.setX(2);
        assertThat(vm.problemsProperty().get()).isEmpty();
    }

    static Stream<AutodiffFunctions.Case> functions() {
        return AutodiffFunctions.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void reverseModeAndFiniteDifferenceAgreeInTheView(AutodiffFunctions.Case c) {
        assertThat(vm.setExpression(c.text())).isTrue();
        for (double x : Arrays.stream(AutodiffFunctions.XS).filter(c.smoothAt()::test).toArray()) {
            vm.setX(x);
            double numeric = vm.numericDerivativeProperty().get();
            assertThat(vm.derivativeProperty().get()).as("%s at %s", c.text(), x)
                    .isCloseTo(numeric, within(1e-7 * Math.max(1, Math.abs(numeric))));
            assertThat(Math.abs(vm.differenceProperty().get())).isLessThanOrEqualTo(1e-7 * Math.max(1, Math.abs(numeric)));
            vm.toEnd();
            assertThat(vm.stepTextProperty().get()).endsWith("= df/dx");
        }
    }
}
