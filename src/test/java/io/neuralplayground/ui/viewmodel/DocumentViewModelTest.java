package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.io.json.SessionDocument;
import io.neuralplayground.io.json.SessionFile;
import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.ShareString;
import io.neuralplayground.testing.KerasDropout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sessions saved and opened, networks imported, share strings pasted: without the FX thread. */
class DocumentViewModelTest {
    @TempDir
    Path dir;

    private final List<PlaygroundViewModel> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(PlaygroundViewModel::close);
    }

    private PlaygroundViewModel playground(PlaygroundSettings settings) {
        PlaygroundViewModel vm = new PlaygroundViewModel(settings, Runnable::run);
        opened.add(vm);
        return vm;
    }

    private static DocumentViewModel documents(PlaygroundViewModel vm, RecentFiles recent) {
        return new DocumentViewModel(vm, Runnable::run, Runnable::run, recent);
    }

    /** The bits of every epoch's losses and accuracies in the session's log. */
    private static List<Long> history(PlaygroundViewModel vm) {
        List<Long> bits = new ArrayList<>();
        EpochLog.Slice log = vm.session().log().since(0);
        for (int i = 0; i < log.length(); i++) {
            bits.add(Double.doubleToRawLongBits(log.trainLoss()[i]));
            bits.add(Double.doubleToRawLongBits(log.testLoss()[i]));
            bits.add(Double.doubleToRawLongBits(log.trainAccuracy()[i]));
            bits.add(Double.doubleToRawLongBits(log.testAccuracy()[i]));
        }
        return bits;
    }

    @Test
    void aSavedSessionOpensWhereItWasAndGoesOnWithTheSameNumbers() throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withOptimizer(Optimizer.adam()).withLearningRate(0.01).withNoise(0.1);
        PlaygroundViewModel first = playground(settings);
        DocumentViewModel firstDocs = documents(first, RecentFiles.inMemory());
        first.session().trainEpochs(30);
        Frames.afterCommandsUntil(first, "epoch 30 shown", () -> first.epochProperty().get() == 30);
        assertThat(firstDocs.dirtyProperty().get()).isTrue();
        Path file = dir.resolve("xor.session.json");
        firstDocs.saveAs(file);
        Frames.afterCommandsUntil(first, "the window's file being " + file.getFileName(),
                () -> file.equals(firstDocs.fileProperty().get()));
        assertThat(Files.exists(file)).isTrue();
        assertThat(firstDocs.dirtyProperty().get()).isFalse();
        assertThat(firstDocs.titleProperty().get()).isEqualTo("xor.session.json — Neural Playground");
        assertThat(SessionFile.isSessionFile(file)).isTrue();
        first.session().trainEpochs(20);
        Frames.afterCommandsUntil(first, "epoch 50 shown", () -> first.epochProperty().get() == 50);
        assertThat(firstDocs.titleProperty().get()).startsWith("*xor.session.json");
        List<Long> expected = history(first);

        PlaygroundViewModel second = playground(PlaygroundSettings.defaults());
        DocumentViewModel secondDocs = documents(second, RecentFiles.inMemory());
        secondDocs.open(file);
        Frames.afterCommandsUntil(second, "epoch 30 shown", () -> second.epochProperty().get() == 30);
        assertThat(second.settings()).isEqualTo(settings);
        assertThat(second.datasetProperty().get()).isEqualTo(PlaygroundDataset.XOR);
        assertThat(secondDocs.recentFiles()).containsExactly(file.toAbsolutePath());
        Frames.afterCommandsUntil(second, "the session shown as saved", () -> !secondDocs.dirtyProperty().get());
        second.session().trainEpochs(20);
        Frames.afterCommandsUntil(second, "epoch 50 shown", () -> second.epochProperty().get() == 50);
        assertThat(history(second)).isEqualTo(expected);
    }

    @Test
    void aManyClassSessionOpensWithItsClassesLossAndPaintAndGoesOnWithTheSameNumbers() throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.RINGS)
                .withClasses(4).withLoss(io.neuralplayground.session.LossChoice.CATEGORICAL_CROSSENTROPY)
                .withOptimizer(Optimizer.adam()).withLearningRate(0.01)
                .withPaintedPoints(List.of(new io.neuralplayground.data.Point(1, 1, 3)));
        PlaygroundViewModel first = playground(settings);
        DocumentViewModel firstDocs = documents(first, RecentFiles.inMemory());
        first.session().trainEpochs(15);
        Frames.afterCommandsUntil(first, "epoch 15 shown", () -> first.epochProperty().get() == 15);
        Path file = dir.resolve("rings.session.json");
        firstDocs.saveAs(file);
        Frames.afterCommandsUntil(first, "the window's file being " + file.getFileName(),
                () -> file.equals(firstDocs.fileProperty().get()));
        first.session().trainEpochs(10);
        Frames.afterCommandsUntil(first, "epoch 25 shown", () -> first.epochProperty().get() == 25);
        List<Long> expected = history(first);

        PlaygroundViewModel second = playground(PlaygroundSettings.defaults());
        DocumentViewModel secondDocs = documents(second, RecentFiles.inMemory());
        secondDocs.open(file);
        Frames.afterCommandsUntil(second, "epoch 15 shown", () -> second.epochProperty().get() == 15);
        assertThat(second.settings()).isEqualTo(settings);
        assertThat(second.snapshotProperty().get().network().outputs()).isEqualTo(4);
        second.session().trainEpochs(10);
        Frames.afterCommandsUntil(second, "epoch 25 shown", () -> second.epochProperty().get() == 25);
        assertThat(history(second)).isEqualTo(expected);
    }

    @Test
    void aSessionOnTheUsersDataReopensWithItsColumnsAxesAndNumbers() throws Exception {
        PlaygroundViewModel first = playground(PlaygroundSettings.defaults());
        DocumentViewModel firstDocs = documents(first, RecentFiles.inMemory());
        var iris = io.neuralplayground.session.DataFile.example("iris.csv", "species");
        first.openData(iris.withColumns(List.of("sepal_length", "petal_length", "petal_width")), 0.7, 3);
        first.plotAxesProperty().set(new PlotAxes("petal_length", "petal_width"));
        first.session().trainEpochs(12);
        Frames.afterCommandsUntil(first, "epoch 12 shown", () -> first.epochProperty().get() == 12);
        Path file = dir.resolve("iris.session.json");
        firstDocs.saveAs(file);
        Frames.afterCommandsUntil(first, "the window's file being " + file.getFileName(),
                () -> file.equals(firstDocs.fileProperty().get()));
        List<Long> expected = history(first);

        PlaygroundViewModel second = playground(PlaygroundSettings.defaults());
        DocumentViewModel secondDocs = documents(second, RecentFiles.inMemory());
        secondDocs.open(file);
        Frames.afterCommandsUntil(second, "epoch 12 shown", () -> second.epochProperty().get() == 12);
        assertThat(second.settings()).isEqualTo(first.settings());
        assertThat(second.settings().data().columns()).containsExactly("sepal_length", "petal_length", "petal_width");
        assertThat(second.plotAxesProperty().get()).isEqualTo(new PlotAxes("petal_length", "petal_width"));
        assertThat(history(second)).isEqualTo(expected);
        Frames.afterCommandsUntil(second, "the session shown as saved", () -> !secondDocs.dirtyProperty().get());
        second.plotAxesProperty().set(new PlotAxes("sepal_length", "petal_width"));
        assertThat(secondDocs.dirtyProperty().get()).as("other axes are a change to save").isTrue();
    }

    @Test
    void aSessionKeepsHowTheWindowShowedIt() throws Exception {
        PlaygroundViewModel first = playground(PlaygroundSettings.defaults());
        DocumentViewModel firstDocs = documents(first, RecentFiles.inMemory());
        Path file = dir.resolve("view.session.json");
        firstDocs.saveAs(file).get();
        assertThat(firstDocs.dirtyProperty().get()).isFalse();
        first.showTestDataProperty().set(true);
        assertThat(firstDocs.dirtyProperty().get()).as("a view choice is a change to save").isTrue();
        first.logScaleProperty().set(true);
        firstDocs.saveAs(file).get();
        assertThat(firstDocs.dirtyProperty().get()).isFalse();
        assertThat(SessionFile.read(file).view()).isEqualTo(new SessionDocument.View(true, false, true));

        PlaygroundViewModel second = playground(PlaygroundSettings.defaults());
        DocumentViewModel secondDocs = documents(second, RecentFiles.inMemory());
        second.discretizeProperty().set(true);
        assertThat(secondDocs.open(file).get()).isTrue();
        assertThat(second.showTestDataProperty().get()).isTrue();
        assertThat(second.discretizeProperty().get()).isFalse();
        assertThat(second.logScaleProperty().get()).isTrue();
        Frames.afterCommandsUntil(second, "the session shown as saved", () -> !secondDocs.dirtyProperty().get());
    }

    @Test
    void aSessionSavedWithCarriedExamplesOpensWithThemAndGoesOnWithTheSameNumbers() throws Exception {
        // 250 training points in batches of 30: Playground's loop carries 10 into every next epoch.
        PlaygroundSettings settings = PlaygroundSettings.defaults().withBatchSize(30);
        PlaygroundViewModel first = playground(settings);
        DocumentViewModel firstDocs = documents(first, RecentFiles.inMemory());
        first.session().trainEpochs(7);
        Frames.afterCommandsUntil(first, "epoch 7 shown", () -> first.epochProperty().get() == 7);
        Path file = dir.resolve("carried.session.json");
        firstDocs.saveAs(file);
        Frames.afterCommandsUntil(first, "the window's file being " + file.getFileName(),
                () -> file.equals(firstDocs.fileProperty().get()));
        JsonNode saved = new ObjectMapper().readTree(file.toFile());
        assertThat(saved.at("/settings/leftover_examples").asText()).isEqualTo("carry-over");
        assertThat(saved.at("/progress/carried_examples").asInt()).isEqualTo(10);
        assertThat(saved.at("/progress/carried_gradient").size()).isEqualTo(6);
        first.session().trainEpochs(5);
        Frames.afterCommandsUntil(first, "epoch 12 shown", () -> first.epochProperty().get() == 12);
        List<Long> expected = history(first);

        PlaygroundViewModel second = playground(PlaygroundSettings.defaults());
        DocumentViewModel secondDocs = documents(second, RecentFiles.inMemory());
        secondDocs.open(file);
        Frames.afterCommandsUntil(second, "epoch 7 shown", () -> second.epochProperty().get() == 7);
        assertThat(second.settings()).isEqualTo(settings);
        second.session().trainEpochs(5);
        Frames.afterCommandsUntil(second, "epoch 12 shown", () -> second.epochProperty().get() == 12);
        assertThat(history(second)).isEqualTo(expected);
    }

    @Test
    void aSessionFileFromBeforeTheLeftoverChoiceGoesOnWithASmallerLastBatch() throws Exception {
        PlaygroundSettings keras = PlaygroundSettings.defaults().withBatchSize(30)
                .withLeftover(LeftoverExamples.SMALLER_LAST_BATCH);
        PlaygroundViewModel first = playground(keras);
        DocumentViewModel firstDocs = documents(first, RecentFiles.inMemory());
        first.session().trainEpochs(4);
        Frames.afterCommandsUntil(first, "epoch 4 shown", () -> first.epochProperty().get() == 4);
        Path file = dir.resolve("new.session.json");
        firstDocs.saveAs(file);
        Frames.afterCommandsUntil(first, "the window's file being " + file.getFileName(),
                () -> file.equals(firstDocs.fileProperty().get()));
        first.session().trainEpochs(3);
        Frames.afterCommandsUntil(first, "epoch 7 shown", () -> first.epochProperty().get() == 7);
        List<Long> expected = history(first);
        // The file as the version before wrote it: neither the setting nor the carried gradient.
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) tree.get("settings")).remove("leftover_examples");
        ((ObjectNode) tree.get("progress")).remove(List.of("carried_examples", "carried_gradient"));
        Path old = Files.writeString(dir.resolve("old.session.json"), json.writeValueAsString(tree));

        PlaygroundViewModel second = playground(PlaygroundSettings.defaults());
        DocumentViewModel secondDocs = documents(second, RecentFiles.inMemory());
        assertThat(secondDocs.open(old).get()).isTrue();
        Frames.afterCommandsUntil(second, "epoch 4 shown", () -> second.epochProperty().get() == 4);
        assertThat(second.settings()).isEqualTo(keras);
        second.session().trainEpochs(3);
        Frames.afterCommandsUntil(second, "epoch 7 shown", () -> second.epochProperty().get() == 7);
        assertThat(history(second)).isEqualTo(expected);
    }

    @Test
    void aKerasModelWithADropoutLayerIsImportedWithANoteThatSaysSo() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.onFrame();
        Network shown = vm.snapshotProperty().get().network();
        Path exported = dir.resolve("plain.keras");
        ModelFormat.KERAS.write(new Model(List.of("x1", "x2"), shown), exported);
        Path keras = KerasDropout.write(exported, dir.resolve("dropout.keras"));
        assertThat(docs.importModel(keras).get()).isTrue();
        assertThat(docs.noticeProperty().get().error()).isFalse();
        assertThat(docs.noticeProperty().get().message()).contains("dropout.keras").contains("'dropout'")
                .contains("left out");
        Frames.afterCommandsUntil(vm, "a new build of the exported network's shape shown",
                () -> vm.snapshotProperty().get().network().sameShape(shown)
                        && vm.snapshotProperty().get().build() > 0);
    }

    @Test
    void aBrokenSessionFileChangesNothingAndSaysWhy() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.onFrame();
        long build = vm.snapshotProperty().get().build();
        Path file = dir.resolve("broken.session.json");
        Files.writeString(file, "{\"format\": \"neural-playground-session\", \"version\": 1, \"settings\": {}}");
        docs.open(file);
        assertThat(docs.noticeProperty().get()).isNotNull();
        assertThat(docs.noticeProperty().get().error()).isTrue();
        assertThat(docs.noticeProperty().get().message()).contains("broken.session.json");
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().build()).isEqualTo(build);
        assertThat(docs.fileProperty().get()).isNull();
    }

    @Test
    void aSessionCutShortIsRefusedAsASessionAndAModelIsNoSession() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.session().trainEpochs(3);
        Frames.afterCommandsUntil(vm, "epoch 3 shown", () -> vm.epochProperty().get() == 3);
        Path whole = dir.resolve("whole.session.json");
        docs.saveAs(whole);
        Frames.afterCommandsUntil(vm, "the window's file being " + whole.getFileName(),
                () -> whole.equals(docs.fileProperty().get()));
        String text = Files.readString(whole);
        Path cut = Files.writeString(dir.resolve("cut.session.json"), text.substring(0, text.length() / 2));
        assertThat(SessionFile.isSessionFile(cut)).isTrue();
        assertThat(docs.open(cut).get()).isFalse();
        assertThat(docs.noticeProperty().get().header()).isEqualTo("The session could not be opened");
        assertThat(docs.noticeProperty().get().message()).contains("cut.session.json")
                .contains("ends too early at line").contains("is it truncated?")
                .doesNotContain("marker").doesNotContain("StreamReadFeature").doesNotContain("Source");
        Path mangled = Files.writeString(dir.resolve("mangled.session.json"), text.replaceFirst(",", ",}"));
        assertThat(docs.open(mangled).get()).isFalse();
        assertThat(docs.noticeProperty().get().message()).contains("mangled.session.json: not valid JSON at line")
                .contains("unexpected character '}'").doesNotContain("code 125").doesNotContain("Source");
        Path model = dir.resolve("net.json");
        ModelFile.write(model, new Model(List.of("x1", "x2"), vm.snapshotProperty().get().network()));
        assertThat(SessionFile.isSessionFile(model)).isFalse();
        assertThat(SessionFile.isSessionFile(Files.writeString(dir.resolve("odd.json"), "[1, 2]"))).isFalse();
    }

    @Test
    void anImportedNetworkBecomesThePlaygroundsNetwork() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        Network network = Network.of(3, new int[] {5}, Activation.RELU, 1, Activation.TANH);
        network.layer(0).setWeight(2, 4, 0.625);
        Path file = dir.resolve("net.json");
        ModelFile.write(file, new Model(List.of("x1", "x2", "x1x2"), network));
        docs.importModel(file);
        Frames.afterCommandsUntil(vm, "the network 3-5-1 shown",
                () -> vm.snapshotProperty().get().network().describe().equals("3-5-1"));
        DenseLayer first = vm.snapshotProperty().get().network().layer(0);
        assertThat(first.weight(2, 4)).isEqualTo(0.625);
        assertThat(first.activation()).isEqualTo(Activation.RELU);
        assertThat(vm.settings().hiddenLayers()).containsExactly(5);
        assertThat(vm.epochProperty().get()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void thePlaygroundsNetworkIsExportedInEveryFormat(ModelFormat format) throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR));
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.session().sync();
        vm.onFrame();
        Network shown = vm.snapshotProperty().get().network();
        Path file = dir.resolve((format == ModelFormat.JAVA ? "Network" : "network") + format.extension());
        docs.exportModel(format, file);
        assertThat(docs.noticeProperty().get()).as("no error").isNull();
        assertThat(docs.statusProperty().get()).contains(file.toAbsolutePath().toString(), format.title());
        assertThat(Files.size(file)).isPositive();
        if (format.canRead()) {
            Network back = format.read(file).network();
            assertThat(back.describe()).isEqualTo(shown.describe());
            boolean float32 = format.id().equals("keras") || format.id().endsWith("h5");
            double w = shown.layer(0).weight(1, 3);
            assertThat(back.layer(0).weight(1, 3)).isEqualTo(float32 ? (double) (float) w : w);
        }
    }

    @Test
    void thePlaygroundsPointsAreExportedAsCsvThatReadsBackAndABadTargetSaysWhy() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults().withDataset(PlaygroundDataset.SPIRALS)
                .withClasses(4).withPaintedPoints(List.of(new io.neuralplayground.data.Point(0.5, -0.5, 2))));
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.session().sync();
        vm.onFrame();
        var split = vm.snapshotProperty().get().split();
        Path file = dir.resolve("training.csv");
        docs.exportData(io.neuralplayground.data.DatasetCsvWriter.Parts.TRAINING, file);
        assertThat(docs.noticeProperty().get()).as("no error").isNull();
        assertThat(docs.statusProperty().get()).isEqualTo("Exported the data to " + file.toAbsolutePath());
        var read = io.neuralplayground.data.CsvDatasetReader.read(file, "label");
        assertThat(read.size()).as("the painted point too").isEqualTo(split.train().size());
        assertThat(read.row(read.size() - 1)).containsExactly(0.5, -0.5);
        assertThat(read.classNames().get(read.classIndex(read.size() - 1))).isEqualTo("2");

        Path notAFolder = dir.resolve("plain");
        Files.writeString(notAFolder, "x");
        docs.exportData(io.neuralplayground.data.DatasetCsvWriter.Parts.BOTH, notAFolder.resolve("data.csv"));
        assertThat(docs.noticeProperty().get().header()).isEqualTo("The data could not be exported");
        assertThat(docs.noticeProperty().get().message()).contains("plain");
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhereAndLeavesNothingBehind() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.session().sync();
        vm.onFrame();
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        Path target = notAFolder.resolve("network.npz");
        docs.exportModel(ModelFormat.NPZ, target);
        assertThat(docs.noticeProperty().get().error()).isTrue();
        assertThat(docs.noticeProperty().get().message()).contains("network.npz");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("plain-file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"npz", "keras", "weights-h5", "h5"})
    void anExportOfAllSevenFeaturesImportsBackInEveryReadableFormat(String id) throws Exception {
        ModelFormat format = ModelFormat.byName(id);
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        List<String> all = Arrays.stream(Feature.values()).map(Feature::id).toList();
        Network network = Network.of(7, new int[] {6, 3}, Activation.TANH, 1, Activation.TANH);
        network.layer(1).setWeight(5, 2, -0.375);
        Path file = dir.resolve("all-features" + format.extension());
        format.write(new Model(all, network), file);
        docs.importModel(file);
        Frames.afterCommandsUntil(vm, "the network 7-6-3-1 shown",
                () -> vm.snapshotProperty().get().network().describe().equals("7-6-3-1"));
        assertThat(vm.snapshotProperty().get().features().names()).isEqualTo(all);
        assertThat(vm.snapshotProperty().get().network().layer(1).weight(5, 2)).isEqualTo(-0.375);
        assertThat(docs.noticeProperty().get()).isNull();
    }

    @Test
    void aWeightsFileTakesThePlaygroundsActivationsAndComesBackAsItLeft() throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withHidden(List.of(3, 2),
                List.of(Activation.RELU, Activation.SIGMOID)).withOutputActivation(Activation.SIGMOID);
        PlaygroundViewModel vm = playground(settings);
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        vm.session().sync();
        vm.onFrame();
        long buildBefore = vm.snapshotProperty().get().build();
        Network shown = vm.snapshotProperty().get().network();
        Path file = dir.resolve("net.weights.h5");
        docs.exportModel(ModelFormat.WEIGHTS_H5, file);
        assertThat(ModelFormat.WEIGHTS_H5.read(file).network().outputLayer().activation())
                .as("the file itself has no activations").isEqualTo(Activation.LINEAR);
        assertThat(docs.importModel(file).get()).isTrue();
        Frames.afterCommandsUntil(vm, "a new build shown", () -> vm.snapshotProperty().get().build() != buildBefore);
        Network back = vm.snapshotProperty().get().network();
        assertThat(back.layer(0).activation()).isEqualTo(Activation.RELU);
        assertThat(back.layer(1).activation()).isEqualTo(Activation.SIGMOID);
        assertThat(back.outputLayer().activation()).isEqualTo(Activation.SIGMOID);
        assertThat(vm.settings()).isEqualTo(settings.withPaintedPoints(List.of()));
        assertThat(back.layer(1).weight(2, 1)).isEqualTo((double) (float) shown.layer(1).weight(2, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad.npz", "bad.keras", "bad.weights.h5", "bad.h5",
        "bad.json"})
    void aGarbledFileLeavesTheSessionAsItWasAndSaysWhichFile(String name) throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        PlaygroundSettings before = vm.settings();
        Path file = dir.resolve(name);
        Files.write(file, new byte[] {'P', 'K', 3, 4, (byte) 0x89, 'H', 'D', 'F', 0, 0, '{'});
        docs.importModel(file);
        assertThat(docs.noticeProperty().get().error()).isTrue();
        assertThat(docs.noticeProperty().get().message()).contains(name);
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.settings()).isEqualTo(before);
        assertThat(vm.snapshotProperty().get().network().describe()).isEqualTo("2-4-2-1");
    }

    @Test
    void aNetworkThePlaygroundCannotShowIsRefusedWithAdvice() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        Path file = dir.resolve("two-outputs.json");
        ModelFile.write(file, new Model(List.of("x1", "x2"), Network.of(2, new int[] {2}, Activation.TANH, 2,
                Activation.SIGMOID)));
        docs.importModel(file);
        assertThat(docs.noticeProperty().get().message()).contains("2 sigmoid outputs", "stepper");
        Path other = dir.resolve("strange.json");
        ModelFile.write(other, new Model(List.of("a", "b"), Network.of(2, new int[0], Activation.TANH, 1,
                Activation.TANH)));
        docs.importModel(other);
        assertThat(docs.noticeProperty().get().message()).contains("'a' is not one of the playground's features");
        Path unknown = dir.resolve("notes.txt");
        Files.writeString(unknown, "hello");
        docs.open(unknown);
        assertThat(docs.noticeProperty().get().message()).contains("notes.txt", "not a file the playground can open");
        vm.session().sync();
        vm.onFrame();
        assertThat(vm.snapshotProperty().get().network().describe()).isEqualTo("2-4-2-1");
    }

    @Test
    void aPastedShareStringRebuildsAndABadOneSaysWhy() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        DocumentViewModel docs = documents(vm, RecentFiles.inMemory());
        PlaygroundSettings spiral = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.SPIRAL)
                .withHidden(List.of(8, 8), List.of(Activation.RELU, Activation.RELU));
        docs.pasteShareString(ShareString.of(spiral));
        Frames.afterCommandsUntil(vm, "the network 2-8-8-1 shown",
                () -> vm.snapshotProperty().get().network().describe().equals("2-8-8-1"));
        assertThat(vm.datasetProperty().get()).isEqualTo(PlaygroundDataset.SPIRAL);
        assertThat(docs.shareString()).isEqualTo(ShareString.of(spiral));
        docs.pasteShareString("dataset=moons");
        assertThat(docs.noticeProperty().get().error()).isTrue();
        assertThat(vm.settings()).isEqualTo(spiral);
    }

    @Test
    void recentFilesAreRememberedNewestFirstWithoutDuplicates() throws Exception {
        PlaygroundViewModel vm = playground(PlaygroundSettings.defaults());
        RecentFiles store = RecentFiles.inMemory();
        DocumentViewModel docs = documents(vm, store);
        Path a = dir.resolve("a.session.json");
        Path b = dir.resolve("b.session.json");
        docs.saveAs(a);
        Frames.afterCommandsUntil(vm, "the window's file being " + a.getFileName(),
                () -> a.equals(docs.fileProperty().get()));
        docs.saveAs(b);
        Frames.afterCommandsUntil(vm, "the window's file being " + b.getFileName(),
                () -> b.equals(docs.fileProperty().get()));
        docs.saveAs(a);
        Frames.afterCommandsUntil(vm, "the window's file being a.session.json again, first of two recent files",
                () -> a.equals(docs.fileProperty().get()) && docs.recentFiles().size() == 2
                        && docs.recentFiles().get(0).equals(a.toAbsolutePath()));
        assertThat(store.load()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        assertThat(documents(vm, store).recentFiles()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
    }
}
