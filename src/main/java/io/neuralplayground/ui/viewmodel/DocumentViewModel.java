package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.app.BackgroundTask;
import io.neuralplayground.app.ModelImports.PlaygroundImport;
import io.neuralplayground.app.ModelImports;
import io.neuralplayground.app.SessionFiles.OpenedSession;
import io.neuralplayground.app.SessionFiles;
import io.neuralplayground.app.TaskExecutor;
import io.neuralplayground.data.DatasetCsvWriter;
import io.neuralplayground.data.Split;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.SessionDocument;
import io.neuralplayground.session.DataFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.ShareString;
import io.neuralplayground.session.Snapshot;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's files: saving and opening whole sessions, importing a network into the playground, exporting it,
 * the share string, recent files, and the title with its unsaved-changes mark. The files themselves are the
 * application layer's ({@link SessionFiles}, {@link ModelImports}): read and written in {@link BackgroundTask}s,
 * with what they need of the window captured on the FX thread first. A file that cannot be read changes nothing:
 * it only raises a {@link Notice}.
 */
public final class DocumentViewModel {
    private static final String APP = "Neural Playground";

    /** Something to tell the user; {@code serial} makes every notice a change, even the same message twice. */
    public record Notice(boolean error, String header, String message, long serial) {
    }

    private final PlaygroundViewModel vm;
    private final TaskExecutor tasks;
    private final RecentFiles recentStore;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private long serial;
    /** What was last saved or opened: the window is dirty when what it shows differs from it. */
    private Snapshot savedAs;
    /** How the window showed what was last saved or opened. */
    private SessionDocument.View savedView = SessionDocument.View.DEFAULT;

    public DocumentViewModel(PlaygroundViewModel vm, Executor background, Consumer<Runnable> fxThread,
            RecentFiles recentStore) {
        this.vm = Objects.requireNonNull(vm);
        this.tasks = new TaskExecutor(background, fxThread);
        this.recentStore = recentStore;
        recent.setAll(recentStore.load());
        savedAs = vm.snapshotProperty().get();
        vm.snapshotProperty().addListener((o, was, now) -> updateDirty(now));
        savedView = view();
        for (var choice : List.of(vm.showTestDataProperty(), vm.discretizeProperty(), vm.logScaleProperty())) {
            choice.addListener(o -> updateDirty(vm.snapshotProperty().get()));
        }
        vm.plotAxesProperty().addListener(o -> updateDirty(vm.snapshotProperty().get()));
        file.addListener(o -> updateTitle());
        dirty.addListener(o -> updateTitle());
    }

    // ---- sessions ----

    /** Saves to the current file; false when there is none yet (the window then asks for one). */
    public boolean save() {
        Path current = file.get();
        if (current == null) {
            return false;
        }
        saveAs(current);
        return true;
    }

    /**
     * Saves the whole session to {@code target}, between two epochs, without stopping training.
     *
     * @return completes on the FX thread once the file is written (true) or refused with a notice (false)
     */
    public CompletableFuture<Boolean> saveAs(Path target) {
        Snapshot shownWhenAsked = vm.snapshotProperty().get();
        SessionDocument.View view = view();
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        // The state is taken on the training thread, between two epochs; the file is written off both threads.
        vm.session().capture().whenComplete((state, failure) -> BackgroundTask.of(() -> {
            if (failure != null) {
                // The training thread could not take the state (it is closing, say): nothing is written.
                throw new PlaygroundException(String.valueOf(failure.getMessage()), failure);
            }
            SessionFiles.write(target, state, view);
            return target;
        }).onSuccess(written -> {
            file.set(target);
            savedAs = shownWhenAsked;
            savedView = view;
            remember(target);
            status.set("Saved the session to " + target.toAbsolutePath());
            updateDirty(vm.snapshotProperty().get());
        }).onFailure(e -> error("The session could not be saved", e.getMessage()))
                .run(tasks).thenAccept(saved::complete));
        return saved;
    }

    /**
     * Opens a file dropped on the window or chosen from the menu: a session file (by its content) restores the
     * session; any other file is imported as a model by its name's extension.
     *
     * @return completes on the FX thread once the file is open (true) or refused with a notice (false)
     */
    public CompletableFuture<Boolean> open(Path path) {
        PlaygroundSettings current = vm.settings();
        // Set by the work, read by its callbacks: which of the two a refused file was meant to be.
        AtomicBoolean session = new AtomicBoolean();
        return BackgroundTask.<Object>of(() -> {
            session.set(SessionFiles.isSessionFile(path));
            return session.get() ? SessionFiles.read(path) : ModelImports.intoPlayground(path, current);
        }).onSuccess(opened -> {
            if (opened instanceof OpenedSession s) {
                showSession(path, s);
            } else {
                showImported(path, (PlaygroundImport) opened);
            }
        }).onFailure(e -> error(session.get() ? "The session could not be opened" : "The model could not be opened",
                e.getMessage())).run(tasks);
    }

    private void showSession(Path path, OpenedSession opened) {
        vm.restore(opened.state());
        showView(opened.view());
        savedView = opened.view();
        file.set(path);
        savedAs = null;
        remember(path);
        status.set("Opened the session " + path.toAbsolutePath());
        markSavedAfterNextSnapshot();
    }

    /** After opening, the first snapshot of the restored session is what "saved" means. */
    private void markSavedAfterNextSnapshot() {
        long buildBefore = vm.snapshotProperty().get().build();
        ChangeListener<Snapshot> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Snapshot> o, Snapshot was, Snapshot now) {
                if (now.build() != buildBefore) {
                    savedAs = now;
                    updateDirty(now);
                    vm.snapshotProperty().removeListener(this);
                }
            }
        };
        vm.snapshotProperty().addListener(once);
    }

    // ---- models ----

    /**
     * Reads a model in any importable format and makes it the playground's network (shape and weights).
     *
     * @return completes on the FX thread once the model is in the playground (true) or refused with a notice (false)
     */
    public CompletableFuture<Boolean> importModel(Path path) {
        PlaygroundSettings current = vm.settings();
        return BackgroundTask.of(() -> ModelImports.intoPlayground(path, current))
                .onSuccess(imported -> showImported(path, imported))
                .onFailure(e -> error("The model could not be opened", e.getMessage()))
                .run(tasks);
    }

    private void showImported(Path path, PlaygroundImport imported) {
        vm.load(imported.settings(), imported.network());
        remember(path);
        status.set("Imported the network from " + path.toAbsolutePath());
        if (!imported.notes().isEmpty()) {
            // What was left out or folded in (a Keras Dropout layer, say) changes nothing the network predicts,
            // but the user should know that the file held more than the playground shows.
            notice.set(new Notice(false, "The network was imported, with notes",
                    path.getFileName() + ":\n" + String.join("\n", imported.notes()), ++serial));
        }
    }

    /** Writes the playground's network in {@code format}. */
    public CompletableFuture<Boolean> exportModel(ModelFormat format, Path target) {
        Snapshot s = vm.snapshotProperty().get();
        Model model = new Model(s.features().names(), s.network());
        return BackgroundTask.of(() -> {
            format.write(model, target);
            return target;
        }).onSuccess(written -> status.set("Exported the network (" + format.title() + ") to "
                + target.toAbsolutePath()))
                .onFailure(e -> error("The network could not be exported", e.getMessage()))
                .run(tasks);
    }

    /**
     * Writes the playground's examples now (generated, loaded and painted) as CSV: the training part, the test
     * part, or both with a part column ({@link DatasetCsvWriter}).
     */
    public CompletableFuture<Boolean> exportData(DatasetCsvWriter.Parts parts, Path target) {
        Split split = vm.snapshotProperty().get().split();
        return BackgroundTask.of(() -> {
            AtomicFiles.write(target, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                DatasetCsvWriter.write(split, parts, writer);
                writer.flush();
            });
            return target;
        }).onSuccess(written -> status.set("Exported the data to " + target.toAbsolutePath()))
                .onFailure(e -> error("The data could not be exported", e.getMessage()))
                .run(tasks);
    }

    /**
     * Trains the playground on one of the examples that ship with the application ({@code iris.csv},
     * {@code two-moons.csv}, {@code breast-cancer.csv}), read off the FX thread.
     */
    public CompletableFuture<Boolean> openExampleData(String fileName, String labelColumn) {
        return BackgroundTask.of(() -> DataFile.example(fileName, labelColumn))
                .onSuccess(data -> {
                    try {
                        vm.openData(data);
                        status.set("Opened the example data " + fileName + ": " + data.dataset().size()
                                + " examples");
                    } catch (PlaygroundException e) {
                        error("The example data could not be opened", e.getMessage());
                    }
                })
                .onFailure(e -> error("The example data could not be opened", e.getMessage()))
                .run(tasks);
    }

    // ---- share string ----

    public String shareString() {
        return ShareString.of(vm.settings());
    }

    /** Applies a pasted share string; a bad one changes nothing and says why. */
    public void pasteShareString(String text) {
        try {
            vm.applySettings(ShareString.parse(text));
        } catch (PlaygroundException e) {
            error("The share string could not be used", e.getMessage());
        }
    }

    // ---- state ----

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** "spiral.session.json — Neural Playground", with a "*" in front while changes are not saved. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * What the last file action did, for the status bar: "Exported the network (ONNX) to /…/network.onnx", or ""
     * once {@link #clearStatus() cleared}. Failures are {@link #noticeProperty() notices} instead.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Forgets the last file action (the status bar shows its hint again). */
    public void clearStatus() {
        status.set("");
    }

    /** Recently opened and saved files, newest first. */
    public ObservableList<Path> recentFiles() {
        return recent;
    }

    private void remember(Path path) {
        List<Path> next = new ArrayList<>();
        next.add(path.toAbsolutePath());
        for (Path p : recent) {
            if (!p.toAbsolutePath().equals(path.toAbsolutePath()) && next.size() < RecentFiles.LIMIT) {
                next.add(p);
            }
        }
        recent.setAll(next);
        // The user's preferences are kept in a file too: stored on the background executor, not the FX thread.
        tasks.background().execute(() -> recentStore.store(next));
    }

    private void updateDirty(Snapshot now) {
        dirty.set(savedAs == null || now == null || differs(savedAs, now) || !view().equals(savedView));
    }

    /** How the window shows the session now (read on the FX thread). */
    private SessionDocument.View view() {
        PlotAxes axes = vm.plotAxesProperty().get();
        return new SessionDocument.View(vm.showTestDataProperty().get(), vm.discretizeProperty().get(),
                vm.logScaleProperty().get(), vm.settings().hasDataFile() && axes != null
                        ? List.of(axes.x(), axes.y()) : List.of());
    }

    private void showView(SessionDocument.View view) {
        vm.showTestDataProperty().set(view.showTestData());
        vm.discretizeProperty().set(view.discretize());
        vm.logScaleProperty().set(view.logScale());
        if (view.plotAxes().size() == 2) {
            vm.plotAxesProperty().set(new PlotAxes(view.plotAxes().get(0), view.plotAxes().get(1))
                    .fittedTo(vm.settings()));
        }
    }

    /** Whether the window shows something else than {@code saved}: another build, epoch, settings or weights. */
    private static boolean differs(Snapshot saved, Snapshot now) {
        return !saved.sameState(now);
    }

    private void updateTitle() {
        Path current = file.get();
        String name = current == null ? "Untitled" : current.getFileName().toString();
        title.set((dirty.get() ? "*" : "") + name + " — " + APP);
    }

    private void error(String header, String message) {
        notice.set(new Notice(true, header, message, ++serial));
    }

}
