package io.neuralplayground.ui.viewmodel.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.GradientCheck;
import io.neuralplayground.engine.Initializer;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.io.Model;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.ExampleChoice;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.Level;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gradient check's view model on the current thread, with a deferred executor where the order matters. */
class GradientCheckViewModelTest {
    private PlaygroundViewModel playground;
    private TeachingContext context;
    private GradientCheckViewModel vm;

    @BeforeEach
    void create() throws Exception {
        playground = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
        playground.session().trainEpochs(20);
        playground.session().sync();
        playground.onFrame();
        context = new TeachingContext(playground);
        vm = new GradientCheckViewModel(context, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        playground.close();
    }

    @Test
    void rowsAreGradientCheckOnTheSameInputs() {
        vm.run();
        TeachingNetwork n = context.network();
        Examples e = context.examples();
        GradientCheck.Result expected = GradientCheck.run(n.network(), n.loss(), e.inputs(), e.targets());

        assertThat(vm.rows()).hasSize(expected.entries().size()).hasSize(n.network().parameterCount());
        for (int i = 0; i < expected.entries().size(); i++) {
            Row row = vm.rows().get(i);
            assertThat(row.index()).isEqualTo(i);
            assertThat(row.entry()).isEqualTo(expected.entries().get(i));
        }
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.examplesTextProperty().get()).isEqualTo("1 example");
        assertThat(vm.sourceProperty().get()).isEqualTo("the playground");
        assertThat(vm.lossProperty().get()).isEqualTo(n.loss().kerasName());
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void theLargestErrorIsTheMaximumAndTheWorstRowHasIt() {
        vm.run();
        double max = vm.rows().stream().mapToDouble(Row::relativeError).max().orElseThrow();
        assertThat(vm.largestErrorProperty().get()).isEqualTo(max);
        assertThat(vm.worstProperty().get().relativeError()).isEqualTo(max);
        assertThat(vm.rows()).contains(vm.worstProperty().get());
        // a smooth (tanh) network agrees with its finite differences
        assertThat(max).isLessThan(GradientCheckViewModel.GOOD_BELOW);
    }

    @Test
    void colourThresholds() {
        assertThat(GradientCheckViewModel.level(0)).isEqualTo(Level.GOOD);
        assertThat(GradientCheckViewModel.level(9.99e-7)).isEqualTo(Level.GOOD);
        assertThat(GradientCheckViewModel.level(1e-6)).isEqualTo(Level.FAIR);
        assertThat(GradientCheckViewModel.level(3e-5)).isEqualTo(Level.FAIR);
        assertThat(GradientCheckViewModel.level(1e-4)).isEqualTo(Level.FAIR);
        assertThat(GradientCheckViewModel.level(1.01e-4)).isEqualTo(Level.BAD);
        assertThat(GradientCheckViewModel.level(2)).isEqualTo(Level.BAD);
        assertThat(GradientCheckViewModel.level(Double.NaN)).isEqualTo(Level.BAD);
    }

    @Test
    void namesAreTextbookAndKeras() {
        GradientCheck.Entry weight = new GradientCheck.Entry(1, false, 3, 1, 0, 0, 0);
        GradientCheck.Entry bias = new GradientCheck.Entry(0, true, 0, 2, 0, 0, 0);
        assertThat(GradientCheckViewModel.textbookName(weight)).isEqualTo("W(2)[1,3]");
        assertThat(GradientCheckViewModel.kerasName(weight)).isEqualTo("layer 1 kernel[3][1]");
        assertThat(GradientCheckViewModel.textbookName(bias)).isEqualTo("b(1)[2]");
        assertThat(GradientCheckViewModel.kerasName(bias)).isEqualTo("layer 0 bias[2]");
    }

    @Test
    void runsOnAMinibatchOfThePlaygroundsFirstTrainingExamples() {
        vm.minibatchSizeProperty().set(10);
        vm.exampleChoiceProperty().set(ExampleChoice.PLAYGROUND_MINIBATCH);
        vm.run();
        Examples e = context.examples();
        assertThat(e.count()).isEqualTo(10);
        assertThat(vm.examplesTextProperty().get()).isEqualTo("minibatch of 10");
        TeachingNetwork n = context.network();
        GradientCheck.Result expected = GradientCheck.run(n.network(), n.loss(), e.inputs(), e.targets());
        assertThat(vm.resultProperty().get().entries()).isEqualTo(expected.entries());
        assertThat(vm.largestErrorProperty().get()).isEqualTo(expected.maxRelativeError());

        // another size re-runs at once
        vm.minibatchSizeProperty().set(5);
        assertThat(vm.examplesTextProperty().get()).isEqualTo("minibatch of 5");
        // back to the stepper's example: it gets its own single example back, and the check follows
        vm.exampleChoiceProperty().set(ExampleChoice.CONTEXT);
        assertThat(context.examples().count()).isEqualTo(1);
        assertThat(vm.examplesTextProperty().get()).isEqualTo("1 example");
    }

    @Test
    void runsOffTheCallingThreadAndPublishesOnlyTheNewestResult() {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> fx = new ArrayList<>();
        GradientCheckViewModel deferred = new GradientCheckViewModel(context, background::add, fx::add);
        deferred.run();
        assertThat(deferred.runningProperty().get()).isTrue();
        assertThat(deferred.rows()).isEmpty();
        deferred.exampleChoiceProperty().set(ExampleChoice.PLAYGROUND_MINIBATCH);
        deferred.run();
        assertThat(background).hasSize(2);
        background.forEach(Runnable::run);
        assertThat(fx).hasSize(2);
        assertThat(deferred.rows()).isEmpty();
        fx.get(0).run(); // the outdated run's result is dropped
        assertThat(deferred.rows()).isEmpty();
        assertThat(deferred.runningProperty().get()).isTrue();
        fx.get(1).run();
        assertThat(deferred.runningProperty().get()).isFalse();
        assertThat(deferred.examplesTextProperty().get()).isEqualTo("minibatch of 10");
        assertThat(deferred.rows()).hasSize(context.network().network().parameterCount());
    }

    @Test
    void filterShowsOnlyErrorsAbove() {
        vm.run();
        List<Double> errors = vm.rows().stream().map(Row::relativeError).sorted().toList();
        double median = errors.get(errors.size() / 2);
        vm.showAboveProperty().set(median);
        assertThat(vm.shownRows()).isNotEmpty().allSatisfy(r -> assertThat(r.relativeError()).isGreaterThan(median));
        assertThat(vm.shownRows()).hasSize((int) errors.stream().filter(v -> v > median).count());
        vm.showAboveProperty().set(0);
        assertThat(vm.shownRows()).hasSameSizeAs(vm.rows());
    }

    @Test
    void aChangedNetworkMakesTheResultStale() throws Exception {
        vm.run();
        assertThat(vm.staleProperty().get()).isFalse();
        playground.session().trainEpochs(5);
        playground.session().sync();
        playground.onFrame();
        vm.followPlayground();
        assertThat(vm.staleProperty().get()).isTrue();
        vm.run();
        assertThat(vm.staleProperty().get()).isFalse();
    }

    @Test
    void anOpenedModelHasNoPlaygroundMinibatch() {
        vm.exampleChoiceProperty().set(ExampleChoice.PLAYGROUND_MINIBATCH);
        Network model = Network.of(3, new int[] {5}, Activation.SIGMOID, 2, Activation.SOFTMAX);
        Initializer.GLOROT_UNIFORM.initialize(model, new Rng(7));
        context.openModel(new Model(List.of("a", "b", "c"), model), "model.json", Loss.CATEGORICAL_CROSSENTROPY,
                0.1);
        assertThat(vm.minibatchAvailableProperty().get()).isFalse();
        assertThat(vm.exampleChoiceProperty().get()).isEqualTo(ExampleChoice.CONTEXT);
        assertThat(vm.rows()).isEmpty(); // not run before asked
        vm.run();
        assertThat(vm.sourceProperty().get()).isEqualTo("model.json");
        assertThat(vm.rows()).hasSize(3 * 5 + 5 + 5 * 2 + 2);
        assertThat(vm.largestErrorProperty().get()).isLessThan(GradientCheckViewModel.GOOD_BELOW);
    }

    @Test
    void aHandMadeResultIsShownWithItsWorstRow() {
        GradientCheck.Result made = new GradientCheck.Result(List.of(
                new GradientCheck.Entry(0, false, 0, 0, 1.0, 1.0, 0),
                new GradientCheck.Entry(0, true, 0, 0, 1.0, 0.5, 0.5)), 0.5);
        vm.show(made);
        assertThat(vm.rows()).extracting(Row::level).containsExactly(Level.GOOD, Level.BAD);
        assertThat(vm.worstProperty().get().textbook()).isEqualTo("b(1)[0]");
        assertThat(vm.largestErrorProperty().get()).isEqualTo(0.5);
    }

    @Test
    void aManyClassPlaygroundIsCheckedThroughItsSoftmaxAndSparseCrossEntropy() throws Exception {
        playground.datasetProperty().set(io.neuralplayground.data.PlaygroundDataset.SPIRALS);
        playground.classesProperty().set(4);
        playground.session().trainEpochs(5);
        playground.session().sync();
        playground.onFrame();
        context.followPlayground();
        vm.minibatchSizeProperty().set(10);
        vm.exampleChoiceProperty().set(ExampleChoice.PLAYGROUND_MINIBATCH);
        vm.run();
        TeachingNetwork n = context.network();
        assertThat(n.network().outputs()).isEqualTo(4);
        assertThat(n.network().outputLayer().activation()).isEqualTo(io.neuralplayground.engine.Activation.SOFTMAX);
        assertThat(n.loss()).isEqualTo(io.neuralplayground.engine.Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertThat(vm.resultProperty().get().entries()).hasSize(n.network().parameterCount());
        assertThat(vm.largestErrorProperty().get()).isLessThan(GradientCheckViewModel.GOOD_BELOW);
    }
}
