package io.neuralplayground.ui.viewmodel.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.engine.BackpropTrace;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stepper's view model without the FX thread. */
class StepperViewModelTest {
    private PlaygroundViewModel playground;
    private TeachingContext context;
    private StepperViewModel stepper;

    @BeforeEach
    void create() {
        playground = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
        context = new TeachingContext(playground);
        stepper = new StepperViewModel(context);
    }

    @AfterEach
    void close() {
        playground.close();
    }

    @Test
    void startsOnThePlaygroundsNetworkWithATrainingExample() {
        assertThat(stepper.sourceProperty().get()).isEqualTo("the playground");
        assertThat(stepper.lossEditableProperty().get()).isFalse();
        // 2-4-2-1: forward 6, loss 2, backward 3 per layer and 2 propagations, update 6.
        assertThat(stepper.stepCountProperty().get()).isEqualTo(6 + 2 + 9 + 2 + 6);
        assertThat(stepper.inputTextProperty().get()).contains(",");
        assertThat(stepper.exampleErrorProperty().get()).isEmpty();
        assertThat(stepper.currentStep()).isNull();
        assertThat(stepper.atStartProperty().get()).isTrue();
    }

    @Test
    void theInputsAreNamedAsThePlaygroundNamesThemAndFilesKeepTheirIds() throws InterruptedException {
        playground.applySettings(PlaygroundSettings.defaults().withFeatures(
                List.of(io.neuralplayground.data.Feature.X1, io.neuralplayground.data.Feature.X1_SQUARED)));
        playground.session().sync();
        playground.onFrame();
        context.followPlayground();
        assertThat(context.network().inputs()).containsExactly("x1", "x1sq");
        assertThat(context.network().inputLabels()).containsExactly("X₁", "X₁²");
        assertThat(typed("1, 2, 3", "1")).contains("(X₁, X₁²)");
    }

    @Test
    void stepsForwardBackwardAndToEitherEnd() {
        stepper.openTextbookExample();
        assertThat(stepper.stepCountProperty().get()).isEqualTo(17);
        stepper.previous();
        assertThat(stepper.index()).isZero();
        stepper.next();
        assertThat(stepper.currentStep().formula()).isEqualTo("a(1) = W(1)·h(0) + b(1)");
        assertThat(stepper.computedProperty().get()).extracting(Term::symbol).containsExactly("a(1)");
        stepper.next();
        stepper.next();
        assertThat(stepper.index()).isEqualTo(3);
        assertThat(stepper.computedProperty().get()).extracting(Term::symbol).containsExactly("a(1)", "h(1)",
                "a(2)");
        stepper.previous();
        assertThat(stepper.currentStep().formula()).isEqualTo("h(1) = σ(a(1))");
        stepper.runToEnd();
        assertThat(stepper.atEndProperty().get()).isTrue();
        assertThat(stepper.currentStep().kind()).isEqualTo(Kind.UPDATE);
        assertThat(stepper.canApplyProperty().get()).isTrue();
        stepper.next();
        assertThat(stepper.index()).isEqualTo(17);
        assertThat(stepper.computedProperty().get()).hasSize(17);
        stepper.backToStart();
        assertThat(stepper.currentStep()).isNull();
        assertThat(stepper.canApplyProperty().get()).isFalse();
        assertThat(stepper.computedProperty().get()).isEmpty();
    }

    @Test
    void theTextbookExampleOpensWithItsExampleLossAndRate() {
        stepper.openTextbookExample();
        assertThat(stepper.sourceProperty().get()).isEqualTo("textbook-2-2-2.json");
        assertThat(stepper.lossProperty().get()).isEqualTo(Loss.HALF_SQUARED_ERROR);
        assertThat(stepper.learningRateProperty().get()).isEqualTo(0.5);
        assertThat(stepper.lossEditableProperty().get()).isTrue();
        assertThat(stepper.inputTextProperty().get()).isEqualTo("0.05, 0.1");
        assertThat(stepper.targetTextProperty().get()).isEqualTo("0.01, 0.99");
        stepper.goTo(stepper.steps().indexOf(Kind.GRAD_WEIGHTS, 2) + 1);
        assertThat(stepper.currentStep().result().get(0, 0)).isCloseTo(0.082167041, within(1e-9));
    }

    @Test
    void theLayoutToggleKeepsTheStepAndTransposes() {
        stepper.openTextbookExample();
        stepper.goTo(9);
        BackpropStep textbook = stepper.currentStep();
        assertThat(textbook.formula()).isEqualTo("∇W(2) = g·h(1)ᵀ");
        stepper.kerasLayoutProperty().set(true);
        assertThat(stepper.index()).isEqualTo(9);
        assertThat(stepper.layout()).isEqualTo(MatrixLayout.KERAS);
        BackpropStep keras = stepper.currentStep();
        assertThat(keras.formula()).isEqualTo("∇K(2) = h(1)ᵀ·g");
        assertThat(keras.result().values()).isDeepEqualTo(BackpropStepsTest.transpose(textbook.result().values()));
        assertThat(stepper.computedProperty().get().get(0).rows()).isEqualTo(1); // a(1) as a row
    }

    @Test
    void typedExamplesAreCheckedWithMessagesThatSayWhatIsWrong() {
        stepper.openTextbookExample();
        assertThat(typed("0.05, 0.1, 3", "0.01, 0.99"))
                .isEqualTo("Input x has 3 values but the network takes 2 (X₁, X₂).");
        assertThat(typed("0.05, abc", "0.01, 0.99")).isEqualTo("Input x: 'abc' is not a number.");
        assertThat(typed("0.05, 0.1; 1, 2", "0.01, 0.99"))
                .isEqualTo("2 inputs but 1 target: give one target per example, ';' between examples.");
        assertThat(typed("0.05, 0.1; 1, 2", "0.01, 0.99; 1"))
                .isEqualTo("Target t, example 2, has 1 value but the network has 2 outputs: half_squared_error"
                        + " needs one value per output.");
        assertThat(typed("", "1, 0")).startsWith("Input x is empty");
        assertThat(typed("1,,2", "1, 0")).isEqualTo("Input x: value 2 is empty.");
        // A failed attempt leaves the steps as they were.
        assertThat(stepper.steps().examples().count()).isEqualTo(1);

        assertThat(typed("0.05, 0.1; 1, −2", "0.01, 0.99; 1, 0")).isEmpty();
        assertThat(stepper.steps().exampleCount()).isEqualTo(2);
        assertThat(stepper.steps().examples().inputs()[1]).containsExactly(1, -2);
        assertThat(stepper.index()).isZero();

        stepper.setLoss(Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertThat(stepper.exampleErrorProperty().get()).startsWith("The example does not fit:");
        assertThat(stepper.steps()).isNull();
        assertThat(typed("0.05, 0.1", "2")).isEqualTo("Target t: class 2 is not one of the outputs 0 to 1.");
        assertThat(typed("0.05, 0.1", "0.5, 1")).isEqualTo("Target t has 2 values but"
                + " sparse_categorical_crossentropy needs one, the class index (0 to 1).");
        assertThat(typed("0.05, 0.1", "1")).isEmpty();
        assertThat(stepper.steps()).isNotNull();
    }

    private String typed(String input, String target) {
        stepper.inputTextProperty().set(input);
        stepper.targetTextProperty().set(target);
        boolean ok = stepper.applyExampleText();
        assertThat(ok).isEqualTo(stepper.exampleErrorProperty().get().isEmpty());
        return stepper.exampleErrorProperty().get();
    }

    @Test
    void lossAndRateAreChosenForAnOpenedModelOnly() {
        assertThat(stepper.setLearningRate("0.5")).isFalse();
        stepper.setLoss(Loss.MEAN_SQUARED_ERROR);
        assertThat(context.network().loss()).isNotEqualTo(Loss.MEAN_SQUARED_ERROR);

        stepper.openTextbookExample();
        assertThat(stepper.setLearningRate("abc")).isFalse();
        assertThat(stepper.statusProperty().get()).isEqualTo("The learning rate must be one positive number, got 'abc'.");
        assertThat(stepper.setLearningRate("-1")).isFalse();
        assertThat(stepper.setLearningRate("0.25")).isTrue();
        assertThat(context.network().learningRate()).isEqualTo(0.25);
        stepper.setLoss(Loss.MEAN_SQUARED_ERROR);
        assertThat(context.network().loss()).isEqualTo(Loss.MEAN_SQUARED_ERROR);
        assertThat(stepper.steps().step(4).formula()).isEqualTo("L(y, t) = (1/n) Σ_j (y_j − t_j)²");
        assertThat(stepper.steps().step(16).formula()).endsWith("α = 0.25");
    }

    @Test
    void anOpenedModelBringsTheLossAndRateItsFileNames() {
        Model textbook = BundledExample.read();
        Model trained = new Model(textbook.inputs(), textbook.network(),
                Map.of("training", Map.of("loss", "mean_squared_error", "learning_rate", 0.003)));
        stepper.openModel(trained, "trained.json");
        assertThat(stepper.sourceProperty().get()).isEqualTo("trained.json");
        assertThat(stepper.lossProperty().get()).isEqualTo(Loss.MEAN_SQUARED_ERROR);
        assertThat(stepper.learningRateProperty().get()).isEqualTo(0.003);
        stepper.openModel(textbook, "plain.json");
        assertThat(stepper.lossProperty().get()).isEqualTo(Loss.HALF_SQUARED_ERROR);
        assertThat(stepper.learningRateProperty().get()).isEqualTo(StepperViewModel.DEFAULT_LEARNING_RATE);
    }

    @Test
    void applyingTheUpdateChangesTheOpenedModelAndStartsAgain() {
        stepper.openTextbookExample();
        stepper.goTo(14);
        assertThat(stepper.canApplyProperty().get()).isTrue();
        Network expected = stepper.steps().updatedNetwork();
        stepper.applyUpdate();
        Network now = context.network().network();
        assertThat(now.layer(1).weight(0, 0)).isCloseTo(0.35891648, within(1e-8)); // w5⁺
        assertThat(now.layer(0).weight(0, 0)).isEqualTo(expected.layer(0).weight(0, 0));
        assertThat(stepper.index()).isZero();
        assertThat(stepper.statusProperty().get())
                .isEqualTo("Update applied. The loss was 0.298371; with the new ones it is 0.280471.");
        // Mazur updates the weights only: with the old biases the error falls from 0.298371109 to 0.291027924
        // (his figure, from weights rounded to nine digits; unrounded it is 0.2910277737).
        Network weightsOnly = now.copy();
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < 2; j++) {
                weightsOnly.layer(l).setBias(j, BundledExample.read().network().layer(l).bias(j));
            }
        }
        assertThat(BackpropTrace.of(weightsOnly, Loss.HALF_SQUARED_ERROR,
                new double[] {0.05, 0.1}, new double[] {0.01, 0.99}).meanLoss()).isCloseTo(0.291027924, within(2e-7));
        stepper.applyUpdate();
        assertThat(context.network().network().layer(1).weight(0, 0)).isCloseTo(0.35891648, within(1e-8));
    }

    @Test
    void applyingTheUpdateToThePlaygroundsNetworkChangesThePlaygroundsNextSnapshot() throws Exception {
        context.useExampleAt(1.5, -2.0, 1);
        assertThat(stepper.steps().examples().inputs()[0]).containsExactly(1.5, -2.0);
        stepper.runToEnd();
        Network expected = stepper.steps().updatedNetwork();
        Network before = playground.snapshotProperty().get().network();
        stepper.applyUpdate();
        assertThat(stepper.statusProperty().get()).startsWith("Update applied, also in the playground.");
        playground.session().sync();
        playground.onFrame();
        Network shown = playground.snapshotProperty().get().network();
        assertThat(shown.layer(0).weight(0, 0)).isNotEqualTo(before.layer(0).weight(0, 0));
        for (int l = 0; l < expected.depth(); l++) {
            assertThat(shown.layer(l).kernelCopy()).isDeepEqualTo(expected.layer(l).kernelCopy());
            assertThat(shown.layer(l).biasCopy()).containsExactly(expected.layer(l).biasCopy());
        }
        assertThat(context.network().network().layer(2).biasCopy()).containsExactly(expected.layer(2).biasCopy());
    }

    @Test
    void aPlaygroundMinibatch() {
        stepper.usePlaygroundMinibatch(4);
        assertThat(stepper.steps().exampleCount()).isEqualTo(4);
        assertThat(stepper.inputTextProperty().get().split(";")).hasSize(4);
        stepper.goTo(stepper.steps().indexOf(Kind.GRAD_BIAS, 3) + 1);
        assertThat(stepper.currentStep().formula()).isEqualTo("∇b(3) = (1/m) Σ_r g_r,  m = 4");
        assertThat(List.of(stepper.currentStep().note())).allMatch(n -> n.contains("mean over the m = 4"));
    }
}
