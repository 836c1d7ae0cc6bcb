package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.app.TaskExecutor;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.Task;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel.FeatureChoice;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel.Phase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Open data… dialog's view model, without a window: reads run at once on the calling thread. */
class CsvImportViewModelTest {
    private static final Path IRIS = Path.of("datasets/iris.csv");

    @TempDir
    Path dir;

    private final CsvImportViewModel vm = new CsvImportViewModel(TaskExecutor.currentThread(), 7);

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** {@code rows} rows: a, b numeric, a text column, and a label of three classes; about 30 bytes a row. */
    private Path large(int rows) throws IOException {
        Path file = dir.resolve("large.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a,b,note,label\n");
            for (int r = 0; r < rows; r++) {
                out.write(r * 0.25 + "," + (r % 11) + ",n" + r + "," + (r % 3 == 0 ? "red" : "blue") + "\n");
            }
        }
        return file;
    }

    private static List<String> names(List<FeatureChoice> features) {
        return features.stream().map(FeatureChoice::name).toList();
    }

    private static List<String> ticked(List<FeatureChoice> features) {
        return features.stream().filter(FeatureChoice::isSelected).map(FeatureChoice::name).toList();
    }

    private CsvImport openAndGet() throws Exception {
        Optional<CsvImport> opened = vm.open().get(10, TimeUnit.SECONDS);
        assertThat(opened).as("opened; message: %s", vm.messageProperty().get()).isPresent();
        return opened.get();
    }

    @Test
    void irisGuessesSpeciesFourTickedFeaturesAndClasses() throws Exception {
        assertThat(vm.load(IRIS).get()).isTrue();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(vm.columns()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width",
                "species");
        assertThat(vm.previewRows()).hasSize(CsvImportViewModel.PREVIEW_ROWS);
        assertThat(vm.previewRows().get(0)).containsExactly("5.1", "3.5", "1.4", "0.2", "setosa");
        assertThat(vm.labelColumnProperty().get()).isEqualTo("species");
        assertThat(ticked(vm.features())).containsExactly("sepal_length", "sepal_width", "petal_length",
                "petal_width");
        assertThat(vm.guessedTaskProperty().get()).isEqualTo(Task.CLASSIFICATION);
        assertThat(vm.labelKindProperty().get()).isEqualTo(LabelKind.AUTO);
        assertThat(vm.standardizeProperty().get()).isTrue();
        assertThat(vm.trainPercentProperty().get()).isEqualTo(50);
        assertThat(vm.seedProperty().get()).isEqualTo(7L);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).as("nothing before Open").isNull();

        CsvImport imported = openAndGet();
        assertThat(vm.resultProperty().get()).isSameAs(imported);
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPENED);
        assertThat(imported.path()).isEqualTo(IRIS);
        assertThat(imported.dataset().size()).isEqualTo(150);
        assertThat(imported.dataset().classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(imported.dataset().row(0)).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(imported.labelColumn()).isEqualTo("species");
        assertThat(imported.labelKind()).as("what AUTO decided").isEqualTo(LabelKind.CLASSIFICATION);
        assertThat(imported.featureColumns()).containsExactly("sepal_length", "sepal_width", "petal_length",
                "petal_width");
        assertThat(imported.standardize()).isTrue();
        assertThat(imported.trainRatio()).isEqualTo(0.5);
        assertThat(imported.seed()).isEqualTo(7L);
        assertThat(imported.summary()).startsWith("150 examples, 3 classes (setosa, versicolor, virginica) in "
                + "'species', 4 feature columns: sepal_length, sepal_width, petal_length, petal_width");
    }

    @Test
    void aColumnNamedLabelInTheMiddleIsTheLabelAndTheOthersAreFeatures() throws Exception {
        vm.load(file("middle.csv", "a,Label,b\n1,x,2\n3,y,4\n5,x,6\n"));
        assertThat(vm.labelColumnProperty().get()).isEqualTo("Label");
        assertThat(names(vm.features())).containsExactly("a", "b");
        CsvImport imported = openAndGet();
        assertThat(imported.featureColumns()).containsExactly("a", "b");
        assertThat(imported.dataset().row(2)).containsExactly(5.0, 6.0);
    }

    @Test
    void allNumericWithFewIntegersInTheLastColumnIsClassification() throws Exception {
        vm.load(file("ints.csv", "p,q,r\n0.5,1.5,0\n1.5,2.5,1\n2.5,0.5,2\n3.5,1,1\n"));
        assertThat(vm.labelColumnProperty().get()).as("the last column").isEqualTo("r");
        assertThat(names(vm.features())).containsExactly("p", "q");
        assertThat(vm.guessedTaskProperty().get()).isEqualTo(Task.CLASSIFICATION);
        CsvImport imported = openAndGet();
        assertThat(imported.labelKind()).isEqualTo(LabelKind.CLASSIFICATION);
        assertThat(imported.dataset().classNames()).containsExactly("0", "1", "2");
    }

    @Test
    void floatLabelsAreRegressionAndTheGuessCanBeOverruled() throws Exception {
        Path floats = file("floats.csv", "u,v,w\n1,2,0.25\n2,3,1.75\n3,4,-2.5\n");
        vm.load(floats);
        assertThat(vm.guessedTaskProperty().get()).isEqualTo(Task.REGRESSION);
        CsvImport regression = openAndGet();
        assertThat(regression.labelKind()).isEqualTo(LabelKind.REGRESSION);
        assertThat(regression.dataset().labels()).containsExactly(0.25, 1.75, -2.5);
        assertThat(regression.summary()).contains("regression on 'w'");

        vm.load(floats);
        vm.labelKindProperty().set(LabelKind.CLASSIFICATION);
        assertThat(openAndGet().dataset().classNames()).containsExactly("-2.5", "0.25", "1.75");
    }

    @Test
    void aBadRowBeyondThePreviewIsReportedWithItsLineAndColumnAndOpenStaysOffUntilAChoiceChanges()
            throws Exception {
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int r = 0; r < 40; r++) {
            text.append(r).append(',').append(r == 30 ? "abc" : Integer.toString(r * 2)).append(',')
                    .append(r % 2 == 0 ? "a" : "b").append('\n');
        }
        Path bad = file("bad.csv", text.toString());
        vm.load(bad);
        assertThat(vm.canOpenProperty().get()).as("the first rows are fine").isTrue();
        assertThat(vm.open().get()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(vm.messageProperty().get()).startsWith(bad + ", line 32, column 'x2': 'abc' is not a number");
        assertThat(vm.canOpenProperty().get()).isFalse();

        vm.features().get(1).setSelected(false);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(openAndGet().featureColumns()).as("x2 is not read at all").containsExactly("x1");
    }

    @Test
    void aBadRowAmongTheFirstRowsMeansNoPreviewAndTheMessageNamesLineAndColumn() throws Exception {
        Path ragged = file("ragged.csv", "x,y,label\n1,2,a\n3,b\n");
        assertThat(vm.load(ragged).get()).isFalse();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.PREVIEW_FAILED);
        assertThat(vm.messageProperty().get()).startsWith(ragged + ", line 3, column 'label': the value is missing");
        assertThat(vm.canOpenProperty().get()).isFalse();
        assertThat(vm.columns()).isEmpty();
        assertThat(vm.open().get()).isEmpty();
    }

    @Test
    void aFileThatIsNotThereSaysSo() throws Exception {
        vm.load(dir.resolve("missing.csv"));
        assertThat(vm.messageProperty().get()).contains("does not exist");
        assertThat(vm.canOpenProperty().get()).isFalse();
    }

    @Test
    void aLabelColumnThatIsNotThereIsNamed() {
        vm.load(IRIS);
        vm.labelColumnProperty().set("colour");
        assertThat(vm.messageProperty().get()).isEqualTo("There is no column named 'colour' in iris.csv: choose "
                + "the label among the columns sepal_length, sepal_width, petal_length, petal_width, species");
        assertThat(vm.canOpenProperty().get()).isFalse();
        vm.labelColumnProperty().set("species");
        assertThat(vm.canOpenProperty().get()).isTrue();
    }

    @Test
    void withoutAFeatureColumnOpenIsOffAndSaysWhy() throws Exception {
        vm.load(IRIS);
        vm.selectAllFeatures(false);
        assertThat(vm.selectedFeatureCountProperty().get()).isZero();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose at least one feature column: the network needs at "
                + "least one input");
        assertThat(vm.canOpenProperty().get()).isFalse();
        assertThat(vm.open().get()).isEmpty();
        vm.features().get(2).setSelected(true);
        assertThat(vm.selectedFeatureCountProperty().get()).isEqualTo(1);
        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(openAndGet().featureColumns()).containsExactly("petal_length");
        vm.load(IRIS);
        vm.selectAllFeatures(true);
        assertThat(vm.selectedFeatureCountProperty().get()).isEqualTo(4);
    }

    @Test
    void aFileWithNoNumericColumnButItsLabelSaysSo() throws Exception {
        vm.load(file("words.csv", "name,label\nann,a\nbob,b\n"));
        assertThat(vm.features()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("words.csv has no numeric column besides 'label': the "
                + "network needs at least one numeric feature column");
        assertThat(vm.leftOutProperty().get()).isEqualTo("Not numbers, so not offered as a feature: name ('ann', "
                + "line 2)");
    }

    @Test
    void textColumnsAreLeftOutNamedAndNotRead() throws Exception {
        vm.load(large(30));
        assertThat(vm.labelColumnProperty().get()).isEqualTo("label");
        assertThat(names(vm.features())).containsExactly("a", "b");
        assertThat(vm.leftOutProperty().get()).isEqualTo("Not numbers, so not offered as a feature: note ('n0', "
                + "line 2)");
        assertThat(openAndGet().featureColumns()).containsExactly("a", "b");
    }

    @Test
    void choosingAnotherLabelGivesTheOldOneBackAsAFeatureWithItsTick() {
        vm.load(IRIS);
        vm.features().get(3).setSelected(false);
        vm.labelColumnProperty().set("petal_width");
        assertThat(names(vm.features())).containsExactly("sepal_length", "sepal_width", "petal_length");
        assertThat(vm.guessedTaskProperty().get()).as("petal widths in the first rows: 0.1 … 0.4")
                .isEqualTo(Task.REGRESSION);
        assertThat(vm.leftOutProperty().get()).contains("species ('setosa', line 2)");
        vm.labelColumnProperty().set("species");
        assertThat(ticked(vm.features())).containsExactly("sepal_length", "sepal_width", "petal_length");
        assertThat(vm.selectedFeatureCountProperty().get()).isEqualTo(3);
        assertThat(vm.leftOutProperty().get()).isEmpty();
    }

    @Test
    void regressionOnTextLabelsIsRefusedAtTheFirstTextLabelInThePreview() {
        vm.load(IRIS);
        vm.labelKindProperty().set(LabelKind.REGRESSION);
        assertThat(vm.messageProperty().get()).isEqualTo(IRIS + ", line 2, column 'species': 'setosa' is not a "
                + "number, but regression needs numeric labels: choose classification, or another label column");
        assertThat(vm.canOpenProperty().get()).isFalse();
        vm.labelKindProperty().set(LabelKind.AUTO);
        assertThat(vm.canOpenProperty().get()).isTrue();
    }

    @Test
    void regressionOnATextLabelBeyondThePreviewIsTheReadersMessage() throws Exception {
        StringBuilder text = new StringBuilder("x,target\n");
        for (int r = 0; r < 30; r++) {
            text.append(r).append(',').append(r == 25 ? "many" : r * 0.5).append('\n');
        }
        Path file = file("late.csv", text.toString());
        vm.load(file);
        vm.labelKindProperty().set(LabelKind.REGRESSION);
        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(vm.open().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith(file + ", line 27, column 'target': 'many' is not a number,"
                + " but regression needs numeric labels");
    }

    @Test
    void fewerThanTwoExamplesAreRefused() throws Exception {
        Path one = file("one.csv", "x,y\n1,2.5\n");
        vm.load(one);
        assertThat(vm.open().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(one + ": the file has only 1 example, but training needs "
                + "at least 2: one to train on and one to test with; add examples");
        assertThat(vm.resultProperty().get()).isNull();
    }

    @Test
    void aRatioThatLeavesNothingToTrainOnIsRefused() throws Exception {
        vm.load(file("two.csv", "x,y\n1,2.5\n2,3.5\n"));
        vm.trainPercentProperty().set(10);
        assertThat(vm.open().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("A training ratio of 10 % leaves none of the 2 examples of "
                + "two.csv for training: raise the ratio or add examples");
        vm.trainPercentProperty().set(95);
        assertThat(vm.messageProperty().get()).isEqualTo("The training ratio is 95 %: choose 10 % to 90 %");
        vm.trainPercentProperty().set(50);
        assertThat(openAndGet().trainRatio()).isEqualTo(0.5);
    }

    @Test
    void theChoicesGoIntoTheResult() throws Exception {
        vm.load(IRIS);
        vm.standardizeProperty().set(false);
        vm.trainPercentProperty().set(80);
        vm.seedProperty().set(42L);
        CsvImport imported = openAndGet();
        assertThat(imported.standardize()).isFalse();
        assertThat(imported.trainRatio()).isEqualTo(0.8);
        assertThat(imported.seed()).isEqualTo(42L);
        assertThat(imported.dataset().row(0)).as("raw values, never standardized here")
                .containsExactly(5.1, 3.5, 1.4, 0.2);
    }

    @Test
    void progressGoesFromZeroToOne() throws Exception {
        vm.load(large(100_000));
        List<Double> seen = new ArrayList<>();
        vm.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue()));
        openAndGet();
        assertThat(seen).isSorted();
        assertThat(seen).hasSizeGreaterThan(5);
        assertThat(seen.get(0)).isLessThan(0.2);
        assertThat(seen).last().isEqualTo(1.0);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void cancellingWhileALargeFileIsReadLeavesNoResultNoErrorAndTheChoicesAsTheyWere() throws Exception {
        vm.load(large(200_000));
        vm.features().get(1).setSelected(false);
        vm.trainPercentProperty().set(70);
        List<Double> seen = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        vm.progressProperty().addListener((o, was, now) -> {
            seen.add(now.doubleValue());
            if (now.doubleValue() > 0.1 && !cancelled.getAndSet(true)) {
                // As the Cancel button does, from the FX thread while the read goes on.
                vm.cancel();
            }
        });
        CompletableFuture<Optional<CsvImport>> opened = vm.open();
        assertThat(opened).isCompleted();
        assertThat(opened.get()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(ticked(vm.features())).containsExactly("a");
        assertThat(vm.trainPercentProperty().get()).isEqualTo(70);
        assertThat(seen.stream().filter(f -> f > 0).max(Double::compare)).get()
                .satisfies(f -> assertThat(f).as("stopped promptly").isLessThan(0.3));

        assertThat(openAndGet().dataset().size()).as("opened afterwards").isEqualTo(200_000);
    }

    @Test
    void cancellingFromTheFxThreadStopsAReadOnItsOwnThread() throws Exception {
        BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            CsvImportViewModel threaded = new CsvImportViewModel(new TaskExecutor(worker, fxQueue::add), 1);
            Path file = large(400_000);
            CompletableFuture<Boolean> shown = threaded.load(file);
            while (!shown.isDone()) {
                fxQueue.take().run();
            }
            CompletableFuture<Optional<CsvImport>> opened = threaded.open();
            // The FX thread runs what comes back until the read has got going, then cancels.
            while (threaded.progressProperty().get() <= 0) {
                Runnable next = fxQueue.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("progress arrives").isNotNull();
                next.run();
            }
            threaded.cancel();
            assertThat(threaded.phaseProperty().get()).isEqualTo(Phase.READY);
            while (!opened.isDone()) {
                Runnable next = fxQueue.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("the read ends").isNotNull();
                next.run();
            }
            assertThat(opened.get()).isEmpty();
            fxQueue.forEach(Runnable::run);
            assertThat(threaded.resultProperty().get()).isNull();
            assertThat(threaded.messageProperty().get()).isEmpty();
            assertThat(threaded.progressProperty().get()).isZero();
            assertThat(threaded.canOpenProperty().get()).isTrue();
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void loadingAnotherFileReplacesEverything() throws Exception {
        vm.load(IRIS);
        vm.labelKindProperty().set(LabelKind.CLASSIFICATION);
        vm.load(file("other.csv", "k,m\n1,0.5\n2,0.25\n"));
        assertThat(vm.columns()).containsExactly("k", "m");
        assertThat(vm.labelColumnProperty().get()).isEqualTo("m");
        assertThat(names(vm.features())).containsExactly("k");
        assertThat(vm.previewRows()).hasSize(2);
        assertThat(vm.leftOutProperty().get()).isEmpty();
    }

    @Test
    void theListsHandedOutAreTheSameEachTimeSoTheirListenersLast() {
        // A read-only view made per call follows its list weakly: listeners on it would go with it.
        assertThat(vm.columns()).isSameAs(vm.columns());
        assertThat(vm.features()).isSameAs(vm.features());
        assertThat(vm.previewRows()).isSameAs(vm.previewRows());
    }
}
