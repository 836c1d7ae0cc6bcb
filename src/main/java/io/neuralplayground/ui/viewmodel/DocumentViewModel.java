package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelFormat;
import io.neuralplayground.io.SessionDocument;
import io.neuralplayground.io.SessionFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.SessionState;
import io.neuralplayground.session.ShareString;
import io.neuralplayground.session.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * the share string, recent files, and the title with its unsaved-changes mark. Files are read and written on a
 * background executor; results come back through {@code fxThread}. A file that cannot be read changes nothing: it
 * only raises a {@link Notice}.
 */
public final class DocumentViewModel {
    private static final String APP = "Neural Playground";

    /** Something to tell the user; {@code serial} makes every notice a change, even the same message twice. */
    public record Notice(boolean error, String header, String message, long serial) {
    }

    private final PlaygroundViewModel vm;
    private final Executor background;
    private final Consumer<Runnable> fxThread;
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
        this.background = background;
        this.fxThread = fxThread;
        this.recentStore = recentStore;
        recent.setAll(recentStore.load());
        savedAs = vm.snapshotProperty().get();
        vm.snapshotProperty().addListener((o, was, now) -> updateDirty(now));
        savedView = view();
        for (var choice : List.of(vm.showTestDataProperty(), vm.discretizeProperty(), vm.logScaleProperty())) {
            choice.addListener(o -> updateDirty(vm.snapshotProperty().get()));
        }
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
        vm.session().capture().thenAcceptAsync(state -> {
            try {
                SessionFile.write(target, SessionDocuments.toDocument(state, view));
                fxThread.accept(() -> {
                    file.set(target);
                    savedAs = shownWhenAsked;
                    savedView = view;
                    remember(target);
                    status.set("Saved the session to " + target.toAbsolutePath());
                    updateDirty(vm.snapshotProperty().get());
                    saved.complete(true);
                });
            } catch (PlaygroundException e) {
                fxThread.accept(() -> {
                    error("The session could not be saved", e.getMessage());
                    saved.complete(false);
                });
            }
        }, background).exceptionally(failure -> {
            // The training thread could not take the state (it is closing, say): nothing was written.
            fxThread.accept(() -> {
                error("The session could not be saved", String.valueOf(failure.getMessage()));
                saved.complete(false);
            });
            return null;
        });
        return saved;
    }

    /**
     * Opens a file dropped on the window or chosen from the menu: a session file (by its content) restores the
     * session; any other file is imported as a model by its name's extension.
     *
     * @return completes on the FX thread once the file is open (true) or refused with a notice (false)
     */
    public CompletableFuture<Boolean> open(Path path) {
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        background.execute(() -> {
            if (SessionFile.isSessionFile(path)) {
                openSession(path, opened);
            } else {
                importNow(path, opened);
            }
        });
        return opened;
    }

    private void openSession(Path path, CompletableFuture<Boolean> opened) {
        try {
            SessionDocument document = SessionFile.read(path);
            SessionState state = readSession(document, path.toString());
            fxThread.accept(() -> {
                vm.restore(state);
                showView(document.view());
                savedView = document.view();
                file.set(path);
                savedAs = null;
                remember(path);
                status.set("Opened the session " + path.toAbsolutePath());
                markSavedAfterNextSnapshot();
                opened.complete(true);
            });
        } catch (PlaygroundException e) {
            fxThread.accept(() -> {
                error("The session could not be opened", e.getMessage());
                opened.complete(false);
            });
        }
    }

    /**
     * The state a session file describes, checked by building it once off the window: a session that does not fit
     * together is refused before anything changes.
     *
     * @throws PlaygroundException naming {@code source} and the problem, for anything wrong
     */
    static SessionState readSession(SessionDocument document, String source) {
        SessionState state = SessionDocuments.fromDocument(document, source);
        try {
            check(state);
        } catch (PlaygroundException e) {
            throw new PlaygroundException(source + ": " + e.getMessage(), e);
        }
        return state;
    }

    private static void check(SessionState state) {
        var prepared = state.settings().toPlan().withInitialNetwork(state.network()).prepare();
        try {
            state.restoreInto(prepared.trainer());
        } catch (IllegalArgumentException e) {
            throw new PlaygroundException("the saved training progress does not fit: " + e.getMessage());
        }
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
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        background.execute(() -> importNow(path, opened));
        return opened;
    }

    private void importNow(Path path, CompletableFuture<Boolean> opened) {
        try {
            ModelFormat format = ModelFormat.forFile(path);
            if (format == null) {
                throw new PlaygroundException(path.getFileName() + ": not a file the playground can open (session "
                        + "files, and models ending in " + String.join(", ", importableExtensions()) + ")");
            }
            ImportedModel imported = format.importModel(path);
            Model model = imported.model();
            if (!format.holdsActivations()) {
                takeActivations(model.network(), vm.settings());
            }
            PlaygroundSettings settings = settingsFor(model, vm.settings(), path.getFileName().toString());
            settings.toPlan().withInitialNetwork(model.network()).prepare();
            fxThread.accept(() -> {
                vm.load(settings, model.network());
                remember(path);
                status.set("Imported the network from " + path.toAbsolutePath());
                if (!imported.notes().isEmpty()) {
                    // What was left out or folded in (a Keras Dropout layer, say) changes nothing the network
                    // predicts, but the user should know the file held more than the playground shows.
                    notice.set(new Notice(false, "The network was imported, with notes",
                            path.getFileName() + ":\n" + String.join("\n", imported.notes()), ++serial));
                }
                opened.complete(true);
            });
        } catch (PlaygroundException e) {
            fxThread.accept(() -> {
                error("The model could not be opened", e.getMessage());
                opened.complete(false);
            });
        }
    }

    /**
     * Gives a network read from a file without activations the playground's: each hidden layer the activation of
     * the playground's layer at its place (or of its last hidden layer, or tanh), the output layer the playground's
     * output activation. A network exported from the playground thus comes back as it left.
     */
    static void takeActivations(Network network, PlaygroundSettings current) {
        List<Activation> hidden = current.hiddenActivations();
        for (int l = 0; l < network.depth() - 1; l++) {
            Activation a = l < hidden.size() ? hidden.get(l)
                    : hidden.isEmpty() ? Activation.TANH : hidden.get(hidden.size() - 1);
            network.layer(l).setActivation(a);
        }
        network.outputLayer().setActivation(current.outputActivation());
    }

    /**
     * The playground's settings for a model's shape: its inputs must be the playground's features, its hidden
     * layers at most 6 of at most 8 units, its output one unit (Playground's data has one target).
     */
    static PlaygroundSettings settingsFor(Model model, PlaygroundSettings current, String name) {
        List<Feature> features = new ArrayList<>();
        for (String input : inputNames(model)) {
            try {
                features.add(Feature.byName(input));
            } catch (IllegalArgumentException e) {
                throw new PlaygroundException(name + ": its input '" + input + "' is not one of the playground's "
                        + "features (" + Feature.knownNames() + "); open it in the backprop stepper instead");
            }
        }
        Network network = model.network();
        if (network.outputs() != 1) {
            throw new PlaygroundException(name + ": it has " + network.outputs() + " outputs, the playground's data "
                    + "needs 1; open it in the backprop stepper instead");
        }
        int hiddenCount = network.depth() - 1;
        if (hiddenCount > PlaygroundSettings.MAX_LAYERS) {
            throw new PlaygroundException(name + ": it has " + hiddenCount + " hidden layers, the playground shows "
                    + "at most " + PlaygroundSettings.MAX_LAYERS);
        }
        List<Integer> widths = new ArrayList<>();
        List<Activation> activations = new ArrayList<>();
        for (int l = 0; l < hiddenCount; l++) {
            int units = network.layer(l).units();
            if (units > PlaygroundSettings.MAX_NEURONS) {
                throw new PlaygroundException(name + ": its layer " + (l + 1) + " has " + units + " units, the "
                        + "playground shows at most " + PlaygroundSettings.MAX_NEURONS);
            }
            widths.add(units);
            activations.add(network.layer(l).activation());
        }
        // The features go in Playground's order; the network's inputs must already be in it.
        PlaygroundSettings next = current.withFeatures(features).withHidden(widths, activations)
                .withOutputActivation(network.outputLayer().activation()).withPaintedPoints(List.of());
        if (!next.features().equals(features)) {
            throw new PlaygroundException(name + ": its inputs " + model.inputs() + " are not in the playground's "
                    + "order (" + Feature.knownNames() + ")");
        }
        return next;
    }

    /**
     * The model's input names, where a file without names (a Keras weights file, say, whose inputs are read as
     * x1 … x7) has exactly as many inputs as the playground has features: then they are the features, in
     * Playground's order, as the playground exports them.
     */
    private static List<String> inputNames(Model model) {
        List<String> inputs = model.inputs();
        Feature[] all = Feature.values();
        if (inputs.size() != all.length) {
            return inputs;
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).equals("x" + (i + 1))) {
                return inputs;
            }
        }
        return Arrays.stream(all).map(Feature::id).toList();
    }

    /** Writes the playground's network in {@code format}. */
    public void exportModel(ModelFormat format, Path target) {
        Snapshot s = vm.snapshotProperty().get();
        Model model = new Model(s.features().names(), s.network());
        background.execute(() -> {
            try {
                format.write(model, target);
                fxThread.accept(() -> status.set("Exported the network (" + format.title() + ") to "
                        + target.toAbsolutePath()));
            } catch (PlaygroundException e) {
                fxThread.accept(() -> error("The network could not be exported", e.getMessage()));
            }
        });
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
        background.execute(() -> recentStore.store(next));
    }

    private void updateDirty(Snapshot now) {
        dirty.set(savedAs == null || now == null || differs(savedAs, now) || !view().equals(savedView));
    }

    /** How the window shows the session now (read on the FX thread). */
    private SessionDocument.View view() {
        return new SessionDocument.View(vm.showTestDataProperty().get(), vm.discretizeProperty().get(),
                vm.logScaleProperty().get());
    }

    private void showView(SessionDocument.View view) {
        vm.showTestDataProperty().set(view.showTestData());
        vm.discretizeProperty().set(view.discretize());
        vm.logScaleProperty().set(view.logScale());
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

    /** ".json", ".npz", …: the file name endings of every format a network can be imported from. */
    public static List<String> importableExtensions() {
        return Arrays.stream(ModelFormat.values()).filter(ModelFormat::canRead).map(ModelFormat::extension).toList();
    }
}
