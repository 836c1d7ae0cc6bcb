package io.neuralplayground.ui.viewmodel.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.f32.Gemms;
import io.neuralplayground.session.images.ImageSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Images tab's view model on the bundled subset, everything on the test's thread but the training. */
class ImagesViewModelTest {
    private final ImagesViewModel vm = new ImagesViewModel(Runnable::run, Runnable::run, Runnable::run,
            ImagesViewModelTest::subsetOnly, () -> Gemms.best(1));

    static List<ImageSource> subsetOnly() {
        return ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).toList();
    }

    /**
     * Frames until {@code done} holds: {@code ImageSession.sync()} waits for the snapshot of the commands sent,
     * and the view model takes it at its next frame.
     */
    private void settleUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        vm.session().sync();
        long end = System.nanoTime() + 10_000_000_000L;
        vm.onFrame();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
            vm.onFrame();
        }
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private ImageSnapshot trainOneEpoch() throws InterruptedException {
        vm.stepEpoch();
        assertThat(vm.session().awaitIdle(30)).isTrue();
        vm.onFrame();
        return vm.snapshotProperty().get();
    }

    @Test
    void opensTheSubsetAndTrainsAnEpochWithItsPicturesAndMatrix() throws Exception {
        vm.openDefault();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.dataProperty().get().train().size()).isEqualTo(2000);
        assertThat(vm.sourceProperty().get().isSubset()).isTrue();
        assertThat(vm.readProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.kernelProperty().get()).isNotEmpty();
        ImageSnapshot s = trainOneEpoch();
        assertThat(s.epoch()).isEqualTo(1);
        assertThat(vm.progressTextProperty().get()).startsWith("1 of 30 epochs trained · 1,800 images");
        assertThat(vm.classReportProperty().get().test().total()).isEqualTo(500);
        assertThat(vm.classReportProperty().get().test().accuracy()).isGreaterThan(0.3);
        WeightPicture w = vm.weightsProperty().get();
        assertThat(w.build()).isEqualTo(s.build());
        assertThat(w.epoch()).isEqualTo(1);
        assertThat(w.units()).isEqualTo(128);
        assertThat(vm.browser().results()).isSameAs(s.test());
        assertThat(vm.browser().matchingCountProperty().get()).isEqualTo(500);
    }

    @Test
    void theDrawingGetsTenProbabilitiesThatChangeWithTheDrawing() {
        vm.openDefault();
        assertThat(vm.drawingProbabilitiesProperty().get()).isNull();
        vm.stroke(14, 4, 14, 24);
        float[] line = vm.drawingProbabilitiesProperty().get();
        assertThat(line).hasSize(10);
        double sum = 0;
        for (float p : line) {
            assertThat(p).isBetween(0f, 1f);
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        vm.stroke(4, 14, 24, 14);
        assertThat(vm.drawingProbabilitiesProperty().get()).isNotEqualTo(line);
        vm.clearDrawing();
        assertThat(vm.drawingProbabilitiesProperty().get()).isNull();
    }

    @Test
    void settingsGoToTheSessionAndNewLayersStartANewNetwork() throws Exception {
        vm.openDefault();
        long build = vm.snapshotProperty().get().build();
        vm.setLearningRate(0.1);
        vm.setOptimizer("adam");
        vm.setBatchSize(64);
        settleUntil(() -> true);
        assertThat(vm.settings().learningRate()).isEqualTo(0.1);
        assertThat(vm.settings().optimizer().name()).isEqualTo("adam");
        assertThat(vm.snapshotProperty().get().build()).isEqualTo(build);
        vm.addLayer();
        vm.setUnits(1, 32);
        vm.setActivation(1, Activation.TANH);
        settleUntil(() -> vm.snapshotProperty().get().network().depth() == 3
                && vm.snapshotProperty().get().network().layer(1).units() == 32);
        assertThat(vm.settings().hidden()).containsExactly(128, 32);
        assertThat(vm.snapshotProperty().get().network().layer(1).units()).isEqualTo(32);
        assertThat(vm.snapshotProperty().get().build()).isGreaterThan(build);
        assertThat(vm.model().inputs()).hasSize(784).startsWith("pixel_0").endsWith("pixel_783");
        assertThat(vm.model().network().depth()).isEqualTo(3);
    }

    @Test
    void aFolderWithoutTheFilesIsRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        vm.openDefault();
        ImageSource before = vm.sourceProperty().get();
        var session = vm.session();
        Files.writeString(dir.resolve("train-images-idx3-ubyte"), "not images");
        assertThat(vm.openFolder(dir)).isFalse();
        assertThat(vm.errorProperty().get()).contains("train-labels-idx1-ubyte");
        assertThat(vm.sourceProperty().get()).isSameAs(before);
        assertThat(vm.session()).isSameAs(session);
    }

    @Test
    void aFolderWithBrokenFilesFailsWhenReadAndNothingChanges(@TempDir Path dir) throws Exception {
        vm.openDefault();
        ImageSource before = vm.sourceProperty().get();
        var session = vm.session();
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.writeString(dir.resolve(name), "not an IDX file");
        }
        assertThat(vm.openFolder(dir)).isTrue();
        assertThat(vm.errorProperty().get()).startsWith("The images of MNIST from");
        assertThat(vm.readingProperty().get()).isNull();
        assertThat(vm.sourceProperty().get()).isSameAs(before);
        assertThat(vm.session()).isSameAs(session);
    }

    @Test
    void aSavedSessionOpensInAnotherTabAsItWas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        vm.openDefault();
        vm.setLearningRate(0.03);
        ImageSnapshot trained = trainOneEpoch();
        java.nio.file.Path file = dir.resolve("images.json");
        assertThat(vm.saveSession(file).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(file);

        try (ImagesViewModel other = new ImagesViewModel(Runnable::run, Runnable::run, Runnable::run,
                ImagesViewModelTest::subsetOnly, () -> Gemms.best(1))) {
            other.openSession(file);
            assertThat(other.errorProperty().get()).isEmpty();
            other.onFrame();
            ImageSnapshot reopened = other.snapshotProperty().get();
            assertThat(reopened.epoch()).isEqualTo(1);
            assertThat(other.settings().learningRate()).isEqualTo(0.03);
            assertThat(reopened.network().layer(0).kernelCopy()).isEqualTo(trained.network().layer(0).kernelCopy());
            assertThat(reopened.curve()).isEqualTo(trained.curve());
            assertThat(other.sourceProperty().get().isSubset()).isTrue();

            other.openSession(dir.resolve("missing.json"));
            assertThat(other.errorProperty().get()).startsWith("The image session missing.json could not be opened: ");
            assertThat(other.snapshotProperty().get().epoch()).as("the tab stays as it was").isEqualTo(1);
        }
    }

    @Test
    void savingBeforeAnyImagesAreOpenSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(vm.saveSession(dir.resolve("x.json"))).isCompletedExceptionally();
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
