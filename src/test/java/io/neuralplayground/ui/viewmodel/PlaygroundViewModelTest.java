package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.Speed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model without the FX thread: frames are driven by the test, heatmaps computed on the test's thread. */
class PlaygroundViewModelTest {
    private PlaygroundViewModel vm;
    private final List<Integer> chartedEpochs = new ArrayList<>();
    private int resets;

    @BeforeEach
    void create() {
        vm = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
        vm.addLossListener(recorder);
    }

    private final LossHistoryListener recorder = new LossHistoryListener() {
            @Override
            public void reset(long build) {
                resets++;
                chartedEpochs.clear();
            }

            @Override
            public void append(EpochLog.Slice epochs) {
                for (int e : epochs.epochs()) {
                    chartedEpochs.add(e);
                }
            }
        };

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void playProducesEpochsAndTheLossFallsOnCircle() throws Exception {
        vm.onFrame();
        double initial = vm.trainLossProperty().get();
        assertThat(vm.epochProperty().get()).isZero();
        vm.play();
        Frames.until(vm, "150 epochs shown", () -> vm.epochProperty().get() >= 150);
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(vm.trainLossProperty().get()).isLessThan(initial / 3);
        assertThat(vm.testAccuracyProperty().get()).isGreaterThan(0.9);
        vm.pause();
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.playingProperty().get()).isFalse();
        // the chart got every epoch from 0, in order
        int last = vm.epochProperty().get();
        assertThat(chartedEpochs).hasSize(last + 1);
        assertThat(chartedEpochs.get(last)).isEqualTo(last);
    }

    @Test
    void flatOutRunsManyEpochsPerFrame() throws Exception {
        vm.speedProperty().set(Speed.FLAT_OUT);
        vm.play();
        Frames.until(vm, "2000 epochs shown", () -> vm.epochProperty().get() >= 2000);
        Frames.until(vm, "more than 1000 epochs a second shown",
                () -> vm.epochsPerSecondProperty().get() > 1000);
    }

    @Test
    void shapeEditsRebuildTheNetwork() throws Exception {
        vm.addLayer();
        vm.addNeuron(2);
        vm.removeNeuron(0);
        vm.toggleFeature(Feature.SIN_X1);
        vm.setLayerActivation(1, Activation.RELU);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().network().describe()).isEqualTo("3-3-2-3-1");
        assertThat(vm.snapshotProperty().get().network().layer(1).activation()).isEqualTo(Activation.RELU);
        assertThat(vm.settings().features()).containsExactly(Feature.X1, Feature.X2, Feature.SIN_X1);
        vm.removeLayer();
        vm.removeLayer();
        vm.removeLayer();
        vm.removeLayer();
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().network().describe()).isEqualTo("3-1");
        assertThat(resets).isGreaterThan(1);
    }

    @Test
    void aWeightEditLandsInTheNextSnapshot() throws Exception {
        vm.setWeight(0, 1, 2, -3.25);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().network().layer(0).weight(1, 2)).isEqualTo(-3.25);
    }

    @Test
    void learningRateChangesLiveAndDatasetChangesRebuild() throws Exception {
        vm.session().trainEpochs(4);
        vm.session().sync();
        vm.onFrame();
        long build = vm.snapshotProperty().get().build();
        vm.learningRateProperty().set(0.3);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().build()).isEqualTo(build);
        assertThat(vm.epochProperty().get()).isEqualTo(4);
        vm.problemProperty().set(ProblemType.REGRESSION);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.datasetProperty().get()).isEqualTo(PlaygroundDataset.PLANE);
        assertThat(vm.epochProperty().get()).isZero();
        assertThat(vm.snapshotProperty().get().network().outputLayer().activation()).isEqualTo(Activation.LINEAR);
        assertThat(vm.trainAccuracyProperty().get()).isNaN();
    }

    @Test
    void playgroundsDataTrainsPlaygroundsBatchesByDefaultAndTheChoiceRebuilds() throws Exception {
        vm.onFrame();
        assertThat(vm.leftoverProperty().get()).isEqualTo(LeftoverExamples.CARRY_OVER);
        assertThat(vm.snapshotProperty().get().config().leftover()).isEqualTo(LeftoverExamples.CARRY_OVER);
        // 250 training points in batches of 30: 8 updates an epoch, the 10 left over carried.
        vm.batchSizeProperty().set(30);
        vm.session().trainEpochs(3);
        vm.session().sync();
        assertThat(vm.session().capture().get().carried().examples()).isEqualTo(10);
        assertThat(vm.session().capture().get().optimizerSteps()).isEqualTo(3 * 8);
        vm.onFrame();
        long build = vm.snapshotProperty().get().build();

        vm.leftoverProperty().set(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(vm.settings().leftover()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        vm.session().trainEpochs(3);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().build()).isGreaterThan(build);
        assertThat(vm.snapshotProperty().get().config().leftover()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(vm.session().capture().get().carried().isEmpty()).isTrue();
        assertThat(vm.session().capture().get().optimizerSteps()).isEqualTo(3 * 9);

        // Settings from elsewhere move the property, without sending a change back.
        vm.applySettings(PlaygroundSettings.defaults());
        assertThat(vm.leftoverProperty().get()).isEqualTo(LeftoverExamples.CARRY_OVER);
    }

    @Test
    void divergenceStopsPausesAndShowsTheMessage() throws Exception {
        vm.datasetProperty().set(PlaygroundDataset.PLANE);
        vm.activationProperty().set(Activation.LINEAR);
        vm.learningRateProperty().set(10.0);
        vm.speedProperty().set(Speed.FLAT_OUT);
        vm.play();
        Frames.until(vm, "a message shown", () -> !vm.messageProperty().get().isEmpty());
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("lower the learning rate (now 10)");
        assertThat(Double.isFinite(vm.trainLossProperty().get())).isTrue();
    }

    @Test
    void heatmapsArriveForEveryNodeAndFollowTheHoveredNode() {
        vm.onFrame();
        HeatmapFrame frame = vm.heatmapsProperty().get();
        assertThat(frame).isNotNull();
        assertThat(frame.thumbnails()).containsKeys(new NodeRef.Input(Feature.X1), new NodeRef.Input(Feature.X2),
                new NodeRef.Neuron(0, 3), new NodeRef.Neuron(1, 1), new NodeRef.Neuron(2, 0));
        assertThat(frame.output()).hasSize(100 * 100);
        assertThat(frame.hovered()).isNull();
        vm.hoveredProperty().set(new NodeRef.Neuron(0, 2));
        vm.onFrame();
        assertThat(vm.heatmapsProperty().get().hoveredNode()).isEqualTo(new NodeRef.Neuron(0, 2));
        assertThat(vm.heatmapsProperty().get().hovered()).hasSize(100 * 100);
    }

    @Test
    void paintedPointsJoinTheTrainingData() throws Exception {
        vm.onFrame();
        int before = vm.snapshotProperty().get().split().train().size();
        vm.paintClassProperty().set(0);
        vm.paint(1.5, -2);
        vm.paint(0, 0);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().split().train().size()).isEqualTo(before + 2);
        vm.clearPainted();
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().split().train().size()).isEqualTo(before);
    }

    @Test
    void onManyClassDataAPaintedPointTakesTheChosenClassAndTheReportCountsIt() throws Exception {
        vm.datasetProperty().set(io.neuralplayground.data.PlaygroundDataset.BLOBS);
        vm.classesProperty().set(5);
        vm.paintClassProperty().set(4);
        vm.paint(1.5, -2);
        vm.session().sync();
        vm.onFrame();
        var train = vm.snapshotProperty().get().split().train();
        int last = train.size() - 1;
        assertThat(train.classCount()).isEqualTo(5);
        assertThat(train.classIndex(last)).isEqualTo(4);
        assertThat(train.value(last, 0)).isEqualTo(1.5);
        ClassReport report = vm.classReportProperty().get();
        assertThat(report.classNames()).containsExactly("0", "1", "2", "3", "4");
        assertThat(report.train().total()).isEqualTo(train.size());
        assertThat(report.train().rowTotal(4)).isEqualTo(train.classCounts()[4]);
        assertThat(report.train().accuracy()).isEqualTo(vm.snapshotProperty().get().trainAccuracy());
        // Fewer classes: the chosen paint class falls back to one that exists, and regression has no report.
        vm.datasetProperty().set(io.neuralplayground.data.PlaygroundDataset.MOONS);
        assertThat(vm.paintClassProperty().get()).isEqualTo(1);
        vm.datasetProperty().set(io.neuralplayground.data.PlaygroundDataset.PLANE);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.classReportProperty().get()).isNull();
    }

    @Test
    void theUsersDataTrainsWithItsColumnsAsInputsAndThePlotOnTwoOfThem() throws Exception {
        vm.openData(io.neuralplayground.session.DataFile.example("iris.csv", "species"));
        vm.session().sync();
        vm.onFrame();
        var snapshot = vm.snapshotProperty().get();
        assertThat(snapshot.features().names()).containsExactly("sepal_length", "sepal_width", "petal_length",
                "petal_width");
        assertThat(snapshot.network().outputs()).isEqualTo(3);
        assertThat(vm.plotAxesProperty().get()).isEqualTo(new PlotAxes("sepal_length", "sepal_width"));
        assertThat(InputNode.offeredBy(vm.settings())).extracting(InputNode::id)
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");

        // The plane holds every example's z-scores in the two columns; the other two inputs sit at their mean.
        vm.plotAxesProperty().set(new PlotAxes("petal_length", "petal_width"));
        vm.onFrame();
        HeatmapFrame frame = vm.heatmapsProperty().get();
        var train = snapshot.split().train();
        double largest = 0;
        for (var data : java.util.List.of(train, snapshot.split().test())) {
            for (int r = 0; r < data.size(); r++) {
                largest = Math.max(largest, Math.max(Math.abs(data.value(r, 2)), Math.abs(data.value(r, 3))));
            }
        }
        assertThat(frame.grid().extent()).isGreaterThan(largest).isLessThan(largest * 1.2);
        assertThat(frame.thumbnails()).containsKeys(new NodeRef.Input("petal_length"), new NodeRef.Input("sepal_width"));

        vm.toggleInput("sepal_width");
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().features().names()).containsExactly("sepal_length", "petal_length",
                "petal_width");
        assertThat(vm.plotAxesProperty().get()).as("the chosen axes stay").isEqualTo(
                new PlotAxes("petal_length", "petal_width"));

        vm.setStandardize(false);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().split().train().value(0, 0)).as("raw centimetres")
                .isGreaterThan(4);
        vm.paint(0, 0);
        assertThat(vm.settings().paintedPoints()).as("nothing is painted on the user's data").isEmpty();

        vm.chooseDataset(vm.settings().dataset());
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.settings().hasDataFile()).isFalse();
        assertThat(vm.plotAxesProperty().get()).isEqualTo(PlotAxes.PLAYGROUND);
        assertThat(vm.heatmapsProperty().get().grid()).isEqualTo(PlaneGrid.PLAYGROUND);
    }

    @Test
    void dataWithMoreColumnsThanTheGraphHasRowsOpensWithEveryColumnOffered(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder();
        int columns = 60;
        for (int c = 0; c < columns; c++) {
            csv.append("c").append(c).append(',');
        }
        csv.append("label\n");
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < columns; c++) {
                csv.append(r * c % 7).append(',');
            }
            csv.append(r % 2 == 0 ? "a" : "b").append('\n');
        }
        java.nio.file.Path file = dir.resolve("wide.csv");
        java.nio.file.Files.writeString(file, csv);
        var wide = io.neuralplayground.session.DataFile.read(file.toString(), "label",
                io.neuralplayground.data.LabelKind.AUTO, true);
        vm.openData(wide);
        vm.session().sync();
        vm.onFrame();
        assertThat(InputNode.offeredBy(vm.settings())).hasSize(columns);
        assertThat(vm.snapshotProperty().get().network().inputs()).as("all of them feed the network")
                .isEqualTo(columns);
        // Switched off, a column is still offered, to be switched on again.
        vm.toggleInput("c7");
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().network().inputs()).isEqualTo(columns - 1);
        assertThat(InputNode.offeredBy(vm.settings())).extracting(InputNode::id).contains("c7").hasSize(columns);
    }

    @Test
    void switchingEarlyStoppingOnSetsValidationAsideAndTheStopIsShownAsNewsNotAWarning() throws Exception {
        assertThat(vm.validationPercentProperty().get()).isZero();
        vm.learningRateProperty().set(0.3);
        vm.earlyStoppingRuleProperty().set(new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0.002, 4, true, 0));
        assertThat(vm.settings().earlyStopping()).as("the rule waits for the switch").isNull();
        vm.earlyStoppingProperty().set(true);
        assertThat(vm.validationPercentProperty().get()).isEqualTo(PlaygroundViewModel.DEFAULT_VALIDATION_PERCENT);
        assertThat(vm.settings().validationShare()).isEqualTo(0.2);
        assertThat(vm.settings().earlyStopping().patience()).isEqualTo(4);

        vm.speedProperty().set(Speed.FLAT_OUT);
        vm.play();
        Frames.until(vm, "stopped early", () -> vm.stoppedEarlyProperty().get());
        assertThat(vm.messageProperty().get()).startsWith("Stopped at epoch " + vm.epochProperty().get()
                + ": val_loss has not improved by 0.002 for 4 epochs; restored the weights of epoch "
                + vm.bestEpochProperty().get());
        assertThat(vm.bestEpochProperty().get()).isPositive().isLessThan(vm.epochProperty().get());
        assertThat(vm.validationLossProperty().get()).isFinite();
        assertThat(vm.playingProperty().get()).isFalse();

        // A change of the rule goes to the session live, without a rebuild.
        long build = vm.snapshotProperty().get().build();
        vm.earlyStoppingRuleProperty().set(vm.earlyStoppingRuleProperty().get().withPatience(30));
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().build()).isEqualTo(build);
        assertThat(vm.snapshotProperty().get().settings().earlyStopping().patience()).isEqualTo(30);

        vm.earlyStoppingProperty().set(false);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.bestEpochProperty().get()).isZero();
        assertThat(vm.settings().validationShare()).as("the validation data stays").isEqualTo(0.2);
    }

    @Test
    void onRegressionEarlyStoppingWatchesTheLossInsteadOfAnAccuracy() {
        vm.earlyStoppingRuleProperty().set(EarlyStopping.defaults().withMonitor(EarlyStopping.Monitor.VAL_ACCURACY));
        vm.earlyStoppingProperty().set(true);
        vm.problemProperty().set(ProblemType.REGRESSION);
        assertThat(vm.settings().earlyStopping().monitor()).isEqualTo(EarlyStopping.Monitor.VAL_LOSS);
    }

    @Test
    void whenTheLogThinsTheChartStartsAgainFromIt() throws Exception {
        // A small log, so that thinning comes after a few thousand epochs however slow the machine.
        System.setProperty("neuralplayground.epochLogCapacity", "2048");
        try {
            vm.close();
            vm = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
            vm.addLossListener(recorder);
        } finally {
            System.clearProperty("neuralplayground.epochLogCapacity");
        }
        vm.speedProperty().set(Speed.FLAT_OUT);
        vm.play();
        Frames.until(vm, "the log thinned twice", () -> vm.session().log().thinnings() >= 2);
        vm.pause();
        vm.session().sync();
        vm.onFrame();
        EpochLog.Slice kept = vm.session().log().since(0);
        assertThat(kept.length()).isLessThanOrEqualTo(2048);
        assertThat(chartedEpochs).as("the chart holds what the log holds, no more")
                .containsExactlyElementsOf(java.util.stream.IntStream.of(kept.epochs()).boxed().toList());
        assertThat(resets).isGreaterThanOrEqualTo(3);
    }
}
