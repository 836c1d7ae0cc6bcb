package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.app.BackgroundTask;
import io.neuralplayground.app.TaskExecutor;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.CsvPreview;
import io.neuralplayground.data.DataFileException;
import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.ReadCancelledException;
import io.neuralplayground.data.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Open data… dialog without its controls: a CSV file's first rows, the guesses made from them, the user's
 * choices, and the reading of the whole file with progress and cancel.
 *
 * <p>{@link #load(Path)} reads the header and the first {@value #PREVIEW_ROWS} rows in the background and guesses:
 * the <b>label column</b> is one named label, class, target, species or y (up to case), otherwise the last column
 * that is not numeric, otherwise the last column ({@link CsvPreview#suggestedLabelColumn()}); the <b>feature
 * columns</b> are every numeric column but the label, all ticked; the <b>problem type</b> is left to
 * {@link LabelKind#AUTO}, whose verdict on the first rows is {@link #guessedTaskProperty()} (the reader's own rule,
 * {@link CsvDatasetReader#autoTask}). The user may change each of them, and the split (training ratio 10–90 %,
 * 50 % as the playground's default; the seed, the playground's current one) and whether to standardize the
 * features (on by default; the z-scores are fitted on the training part only, by whoever trains — see
 * {@link CsvImport}).
 *
 * <p>{@link #open()} reads the whole file in the background with the choices as they are then, reporting the
 * fraction of its bytes read in {@link #progressProperty()}; {@link #cancel()} stops it at the reader's next check
 * and leaves everything as it was before Open. Only a read that succeeded sets {@link #resultProperty()}. Anything
 * that stands in the way — a bad file, a label column that is not there, no feature column ticked, a regression
 * label that is not a number, fewer than {@value CsvImport#MIN_EXAMPLES} examples — is said in
 * {@link #messageProperty()} (with the line and column where the reader gives them) and keeps Open disabled until a
 * choice changes.
 *
 * <p>The FX thread only asks and takes: both reads run on the {@link TaskExecutor}'s background executor, and their
 * results, failures and progress come back through its FX-thread hand-off (progress coalesced, so a fast read does
 * not flood it). In tests {@link TaskExecutor#currentThread()} runs everything at once.
 */
public final class CsvImportViewModel {
    /** How many rows the preview shows and the guesses are made from. */
    public static final int PREVIEW_ROWS = 20;

    /** Where the dialog is. */
    public enum Phase {
        /** No file yet. */
        EMPTY,
        /** Reading the first rows. */
        PREVIEWING,
        /** The first rows could not be read: the message says why, nothing can be chosen. */
        PREVIEW_FAILED,
        /** The first rows are shown; choices can be made, and Open pressed when they are valid. */
        READY,
        /** Reading the whole file; {@link #cancel()} goes back to {@link #READY}. */
        READING,
        /** The whole file was read: {@link #resultProperty()} holds it. */
        OPENED
    }

    /** A numeric column that can be a feature, and whether it is ticked. */
    public static final class FeatureChoice {
        private final String name;
        private final BooleanProperty selected;

        FeatureChoice(String name) {
            this.name = name;
            this.selected = new SimpleBooleanProperty(this, "selected", true);
        }

        public String name() {
            return name;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public boolean isSelected() {
            return selected.get();
        }

        public void setSelected(boolean value) {
            selected.set(value);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EMPTY);
    private final ReadOnlyObjectWrapper<CsvPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<FeatureChoice> features = FXCollections.observableArrayList();
    /**
     * The read-only views handed out, made once: such a view follows its list through a weak listener, so a view
     * made afresh per call could be collected with the listeners added to it.
     */
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<List<String>> previewRowsView = FXCollections.unmodifiableObservableList(
            previewRows);
    private final ObservableList<FeatureChoice> featuresView = FXCollections.unmodifiableObservableList(features);
    private final ObjectProperty<String> labelColumn = new SimpleObjectProperty<>(this, "labelColumn");
    private final ReadOnlyIntegerWrapper selectedFeatures = new ReadOnlyIntegerWrapper(this, "selectedFeatures");
    private final ReadOnlyStringWrapper leftOut = new ReadOnlyStringWrapper(this, "leftOut", "");
    private final ReadOnlyObjectWrapper<Task> guessedTask = new ReadOnlyObjectWrapper<>(this, "guessedTask");
    private final ObjectProperty<LabelKind> labelKind = new SimpleObjectProperty<>(this, "labelKind", LabelKind.AUTO);
    private final BooleanProperty standardize = new SimpleBooleanProperty(this, "standardize", true);
    private final IntegerProperty trainPercent = new SimpleIntegerProperty(this, "trainPercent", 50);
    private final ObjectProperty<Long> seed;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(this, "canOpen");
    private final ReadOnlyObjectWrapper<CsvImport> result = new ReadOnlyObjectWrapper<>(this, "result");

    /** Every numeric column's choice by name, in the file's order; the label column's is kept but not shown. */
    private final Map<String, FeatureChoice> numericColumns = new LinkedHashMap<>();
    /** Each column's index by name: a file may have 100,000 columns, and validity is checked on every change. */
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private String previewProblem;
    /** Why the last Open failed, until a choice changes. */
    private String readProblem;
    /** The read going on (the preview's or the whole file's), or null; a read that is not it is forgotten. */
    private Read current;
    /** True while many ticks change at once: the count and the message follow once, at the end. */
    private boolean batch;

    /**
     * @param tasks where the reads run and how their results come back
     * @param seed  the split's seed to begin with: the playground's current one
     */
    public CsvImportViewModel(TaskExecutor tasks, long seed) {
        this.tasks = Objects.requireNonNull(tasks);
        this.seed = new SimpleObjectProperty<>(this, "seed", seed);
        labelColumn.addListener((o, was, now) -> labelChanged());
        // Change listeners, not invalidation listeners: those fire only once until the value is read again.
        labelKind.addListener((o, was, now) -> choiceChanged());
        trainPercent.addListener((o, was, now) -> choiceChanged());
        this.seed.addListener((o, was, now) -> choiceChanged());
        standardize.addListener((o, was, now) -> choiceChanged());
        phase.addListener((o, was, now) -> validate());
    }

    // ---- reading ----

    /**
     * Shows {@code path}'s first rows and the guesses made from them, in place of whatever was shown; a read going
     * on is cancelled.
     *
     * @return completes on the FX thread once the preview is shown (true) or refused with a message (false)
     */
    public CompletableFuture<Boolean> load(Path path) {
        Objects.requireNonNull(path);
        stopCurrentRead();
        clear();
        file.set(path);
        Read read = new Read();
        current = read;
        phase.set(Phase.PREVIEWING);
        return BackgroundTask.of(() -> CsvDatasetReader.preview(path, PREVIEW_ROWS)).onSuccess(p -> {
            if (read == current) {
                current = null;
                show(p);
            }
        }).onFailure(e -> {
            if (read == current) {
                current = null;
                previewProblem = e.getMessage();
                phase.set(Phase.PREVIEW_FAILED);
            }
        }).run(tasks);
    }

    /**
     * Reads the whole file with the choices as they are now, if they are valid ({@link #canOpenProperty()}); its
     * progress goes from 0 to 1 in {@link #progressProperty()}. On success {@link #resultProperty()} holds the
     * result; on failure {@link #messageProperty()} says why and nothing else changes.
     *
     * @return completes on the FX thread with the result, or empty when the file was refused, the read cancelled or
     *     the choices not valid
     */
    public CompletableFuture<Optional<CsvImport>> open() {
        if (!canOpen.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // What the read needs is taken now, on the FX thread; the choices are locked while it runs.
        Path path = file.get();
        String label = labelColumn.get();
        LabelKind kind = labelKind.get();
        List<String> chosen = features.stream().filter(FeatureChoice::isSelected).map(FeatureChoice::name).toList();
        boolean standardized = standardize.get();
        double ratio = trainPercent.get() / 100.0;
        long splitSeed = seed.get();
        Read read = new Read();
        current = read;
        progress.set(0);
        phase.set(Phase.READING);
        CompletableFuture<Optional<CsvImport>> done = new CompletableFuture<>();
        BackgroundTask.of(() -> {
            Dataset data = CsvDatasetReader.read(path, label, kind, chosen, read::reportProgress,
                    read.cancelled::get);
            checkEnoughExamples(data, ratio, path);
            LabelKind used = data.isClassification() ? LabelKind.CLASSIFICATION : LabelKind.REGRESSION;
            return new CsvImport(path, data, label, used, standardized, ratio, splitSeed);
        }).onSuccess(imported -> {
            if (read != current) {
                done.complete(Optional.empty());
                return;
            }
            current = null;
            progress.set(1);
            result.set(imported);
            phase.set(Phase.OPENED);
            done.complete(Optional.of(imported));
        }).onFailure(e -> {
            if (read == current && !(e instanceof ReadCancelledException)) {
                current = null;
                readProblem = e.getMessage();
                progress.set(0);
                phase.set(Phase.READY);
            }
            done.complete(Optional.empty());
        }).run(tasks);
        return done;
    }

    /**
     * Stops the read going on: the whole file's goes back to the choices as they were before Open (the reader
     * stops at its next check, and whatever it read is dropped); the preview's leaves nothing shown. Nothing is
     * said: the user asked for it.
     */
    public void cancel() {
        Phase now = phase.get();
        stopCurrentRead();
        if (now == Phase.READING) {
            progress.set(0);
            phase.set(Phase.READY);
        } else if (now == Phase.PREVIEWING) {
            clear();
            file.set(null);
            phase.set(Phase.EMPTY);
        }
    }

    private void stopCurrentRead() {
        if (current != null) {
            current.cancelled.set(true);
            current = null;
        }
    }

    /** A read, its cancellation flag and its progress on their way to the FX thread. */
    private final class Read {
        final AtomicBoolean cancelled = new AtomicBoolean();
        /** The newest fraction not yet shown, as the bits of a double; the FX thread takes only the newest. */
        private final AtomicLong pending = new AtomicLong();
        private final AtomicBoolean posted = new AtomicBoolean();

        /** On the reading thread. */
        void reportProgress(double fraction) {
            pending.set(Double.doubleToRawLongBits(fraction));
            if (!posted.getAndSet(true)) {
                tasks.fxThread().accept(this::showProgress);
            }
        }

        private void showProgress() {
            posted.set(false);
            if (this == current && phase.get() == Phase.READING) {
                progress.set(Math.max(progress.get(), Double.longBitsToDouble(pending.get())));
            }
        }
    }

    /** Refuses a dataset too small to train on and test with at the chosen ratio. */
    private static void checkEnoughExamples(Dataset data, double ratio, Path path) {
        int n = data.size();
        if (n < CsvImport.MIN_EXAMPLES) {
            throw new DataFileException(path.toString(), 0, null, "the file has only " + n + " example, but "
                    + "training needs at least " + CsvImport.MIN_EXAMPLES + ": one to train on and one to test with;"
                    + " add examples");
        }
        // Playground's split, Dataset.split: the first ⌊N·ratio⌋ examples train.
        if (Math.floor(n * ratio + 1e-9) < 1) {
            throw new PlaygroundException(String.format(Locale.ROOT, "A training ratio of %d %% leaves none of the %d"
                    + " examples of %s for training: raise the ratio or add examples", Math.round(ratio * 100), n,
                    path.getFileName()));
        }
    }

    // ---- the preview and the guesses ----

    private void clear() {
        preview.set(null);
        result.set(null);
        previewProblem = null;
        readProblem = null;
        progress.set(0);
        numericColumns.clear();
        columnIndex.clear();
        batch = true;
        features.clear();
        previewRows.clear();
        columns.clear();
        labelColumn.set(null);
        batch = false;
        guessedTask.set(null);
        leftOut.set("");
        selectedFeatures.set(0);
    }

    private void show(CsvPreview p) {
        preview.set(p);
        for (int c = 0; c < p.columns().size(); c++) {
            String name = p.columns().get(c);
            columnIndex.put(name, c);
            if (p.isNumeric(c)) {
                FeatureChoice choice = new FeatureChoice(name);
                choice.selectedProperty().addListener((o, was, now) -> tickChanged(choice, now));
                numericColumns.put(name, choice);
            }
        }
        columns.setAll(p.columns());
        previewRows.setAll(p.rows());
        phase.set(Phase.READY);
        String suggested = p.columns().get(p.suggestedLabelColumn());
        if (suggested.equals(labelColumn.get())) {
            labelChanged();
        } else {
            labelColumn.set(suggested);
        }
    }

    /** The feature list without the label column, the guess for it, and what is left out. */
    private void labelChanged() {
        if (batch) {
            return;
        }
        CsvPreview p = preview.get();
        String label = labelColumn.get();
        if (p == null) {
            return;
        }
        batch = true;
        try {
            features.setAll(numericColumns.values().stream().filter(f -> !f.name().equals(label)).toList());
        } finally {
            batch = false;
        }
        selectedFeatures.set((int) features.stream().filter(FeatureChoice::isSelected).count());
        Integer index = label == null ? null : columnIndex.get(label);
        guessedTask.set(index == null ? null : p.autoTask(index));
        leftOut.set(leftOutText(p, label));
        choiceChanged();
    }

    /** "Not numbers, so not offered as features: name ('Alice', line 2), …", or "". */
    private static String leftOutText(CsvPreview p, String label) {
        List<String> parts = new ArrayList<>();
        int more = 0;
        for (int c = 0; c < p.columns().size(); c++) {
            String name = p.columns().get(c);
            if (name.equals(label) || p.isNumeric(c)) {
                continue;
            }
            if (parts.size() == 5) {
                more++;
                continue;
            }
            parts.add(p.firstNonNumber(c).map(cell -> name + " ('" + shortened(cell.value()) + "', line "
                    + cell.line() + ")").orElse(name + " (empty in the first rows)"));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return (parts.size() + more == 1 ? "Not numbers, so not offered as a feature: "
                : "Not numbers, so not offered as features: ") + String.join(", ", parts)
                + (more > 0 ? " and " + more + " more" : "");
    }

    private static String shortened(String value) {
        return value.length() <= 24 ? value : value.substring(0, 23) + "…";
    }

    private void tickChanged(FeatureChoice choice, boolean now) {
        if (batch || choice.name().equals(labelColumn.get())) {
            return;
        }
        selectedFeatures.set(selectedFeatures.get() + (now ? 1 : -1));
        choiceChanged();
    }

    /** Ticks every feature column ({@code true}) or none. */
    public void selectAllFeatures(boolean selected) {
        batch = true;
        try {
            for (FeatureChoice f : features) {
                f.setSelected(selected);
            }
        } finally {
            batch = false;
        }
        selectedFeatures.set(selected ? features.size() : 0);
        choiceChanged();
    }

    /** A choice changed: the last Open's failure no longer applies, the new choices are checked. */
    private void choiceChanged() {
        if (batch) {
            return;
        }
        readProblem = null;
        validate();
    }

    // ---- validity ----

    private void validate() {
        String problem = switch (phase.get()) {
            case EMPTY, PREVIEWING, READING, OPENED -> "";
            case PREVIEW_FAILED -> previewProblem;
            case READY -> problemWithChoices();
        };
        message.set(problem);
        canOpen.set(phase.get() == Phase.READY && problem.isEmpty());
    }

    /** What stands in the way of Open, or "". */
    private String problemWithChoices() {
        if (readProblem != null) {
            return readProblem;
        }
        CsvPreview p = preview.get();
        String name = file.get().getFileName().toString();
        String label = labelColumn.get();
        if (label == null) {
            return "Choose the label column: the column the network learns to predict";
        }
        Integer index = columnIndex.get(label);
        if (index == null) {
            return "There is no column named '" + label + "' in " + name + ": choose the label among the columns "
                    + CsvImport.listed(p.columns(), 20);
        }
        if (selectedFeatures.get() == 0) {
            return features.isEmpty()
                    ? name + " has no numeric column besides '" + label + "': the network needs at least one "
                            + "numeric feature column"
                    : "Choose at least one feature column: the network needs at least one input";
        }
        if (labelKind.get() == LabelKind.REGRESSION) {
            Optional<CsvPreview.Cell> text = p.firstNonNumber(index);
            if (text.isPresent()) {
                return new DataFileException(p.source(), text.get().line(), label, "'" + text.get().value()
                        + "' is not a number, but regression needs numeric labels: choose classification, or "
                        + "another label column").getMessage();
            }
        }
        int percent = trainPercent.get();
        if (percent < Math.round(CsvImport.MIN_TRAIN_RATIO * 100) || percent > Math.round(CsvImport.MAX_TRAIN_RATIO
                * 100)) {
            return "The training ratio is " + percent + " %: choose 10 % to 90 %";
        }
        if (seed.get() == null) {
            return "Enter a whole number as the seed";
        }
        return "";
    }

    // ---- properties ----

    /** The file shown, or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The first rows as read, or null before they are (or when they could not be). */
    public ReadOnlyObjectProperty<CsvPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Every column's name, in the file's order. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** The first rows' values as text, one list per row, one value per column. */
    public ObservableList<List<String>> previewRows() {
        return previewRowsView;
    }

    /** The label column's name, one of {@link #columns()}; the guess until the user chooses. */
    public ObjectProperty<String> labelColumnProperty() {
        return labelColumn;
    }

    /** The numeric columns but the label, in the file's order, each with its tick. */
    public ObservableList<FeatureChoice> features() {
        return featuresView;
    }

    /** How many of {@link #features()} are ticked. */
    public ReadOnlyIntegerProperty selectedFeatureCountProperty() {
        return selectedFeatures.getReadOnlyProperty();
    }

    /** Which columns are not offered as features because they are not numbers, with a value that is not; or "". */
    public ReadOnlyStringProperty leftOutProperty() {
        return leftOut.getReadOnlyProperty();
    }

    /** What {@link LabelKind#AUTO} makes of the label column's first rows; null with no label column. */
    public ReadOnlyObjectProperty<Task> guessedTaskProperty() {
        return guessedTask.getReadOnlyProperty();
    }

    /** How to read the labels: {@link LabelKind#AUTO} (the guess, decided on the whole file), or the user's. */
    public ObjectProperty<LabelKind> labelKindProperty() {
        return labelKind;
    }

    /** Whether to standardize the features: z-scores fitted on the training part only. On by default. */
    public BooleanProperty standardizeProperty() {
        return standardize;
    }

    /** The training share in percent, 10–90 (50 by default, as the playground's). */
    public IntegerProperty trainPercentProperty() {
        return trainPercent;
    }

    /** The split's seed. */
    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /** The fraction of the file read by Open, 0 to 1; 0 when not reading. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is wrong, naming file, line and column where the reader gives them; "" when nothing is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether Open may be pressed: the first rows are shown, nothing is being read, the choices are valid. */
    public ReadOnlyBooleanProperty canOpenProperty() {
        return canOpen.getReadOnlyProperty();
    }

    /** The file read, once Open succeeded; null until then. */
    public ReadOnlyObjectProperty<CsvImport> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
