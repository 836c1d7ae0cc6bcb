package io.neuralplayground.ui;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.app.BackgroundTask;
import io.neuralplayground.app.ModelImports;
import io.neuralplayground.app.TaskExecutor;
import io.neuralplayground.session.DataFile;
import io.neuralplayground.ui.view.CsvImportDialog;
import io.neuralplayground.ui.view.DataPanel;
import io.neuralplayground.ui.view.NetworkGraphView;
import io.neuralplayground.ui.view.OutputDetails;
import io.neuralplayground.ui.view.OutputPlotView;
import io.neuralplayground.ui.view.ScrollColumn;
import io.neuralplayground.ui.view.StatusBarView;
import io.neuralplayground.ui.view.Styles;
import io.neuralplayground.ui.view.TopBar;
import io.neuralplayground.ui.view.teaching.AutodiffView;
import io.neuralplayground.ui.view.teaching.GradientCheckView;
import io.neuralplayground.ui.view.teaching.StepperView;
import io.neuralplayground.ui.view.images.ImageStatusBar;
import io.neuralplayground.ui.view.images.ImagesView;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.ui.viewmodel.CsvImport;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel;
import io.neuralplayground.ui.viewmodel.DocumentViewModel;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.RecentFiles;
import io.neuralplayground.ui.viewmodel.teaching.AutodiffViewModel;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel;
import io.neuralplayground.ui.viewmodel.teaching.StepperViewModel;
import io.neuralplayground.ui.viewmodel.teaching.TeachingContext;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The main window: a menu bar; tabs for the playground and the teaching views (the backprop stepper, the gradient
 * check, autodiff on a graph); the status bar. The playground's keys (Space, →, R) work on its tab.
 */
public final class MainWindow {
    private OutputDetails details;
    /** The window's views, one tab each. */
    public enum View {
        PLAYGROUND("Playground"),
        STEPPER("Backprop stepper"),
        GRADIENT_CHECK("Gradient check"),
        AUTODIFF("Autodiff"),
        IMAGES("Images"),
        TUNING("Tuning");

        private final String title;

        View(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The smallest window in which nothing of the playground is cut off. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 640;
    /**
     * The output column at its narrowest: the plot's smallest square with its axes and colour key, the column's
     * and the plot view's padding, and a scroll bar (a short window scrolls the column).
     */
    static final double OUTPUT_COLUMN_MIN_WIDTH = 356;

    /** The style sheets of the window, from the application's resources. */
    static final List<String> STYLESHEETS = List.of("/css/playground.css", "/css/network-graph.css",
            "/css/output.css");

    private final PlaygroundViewModel vm;
    private final TeachingContext teaching;
    private final GradientCheckViewModel gradientCheck;
    private final StepperViewModel stepper;
    private final AutodiffViewModel autodiff = new AutodiffViewModel();
    private final DocumentViewModel documents;
    private final Executor background;
    private final Consumer<Runnable> fxThread;
    private final TabPane tabs = new TabPane();
    private final Map<View, Tab> tabOf = new EnumMap<>(View.class);
    private final Scene scene;
    private final MenuBar menuBar;
    private final FileCommands files;
    private final FileDialogs dialogs;
    private final ImagesViewModel images;
    private ImagesView imagesView;
    private final io.neuralplayground.ui.viewmodel.tuning.TuningViewModel tuning;
    private final SearchBeforeLeaving searchBeforeLeaving;
    /** What becomes of a data file read in the Open data… dialog. */
    private Consumer<CsvImport> dataImportHandler = this::trainOn;

    /**
     * @param vm         the playground's view model
     * @param background where slow work of the teaching views runs (a gradient check of a large model)
     */
    public MainWindow(PlaygroundViewModel vm, Executor background, double width, double height) {
        this(vm, background, Platform::runLater, RecentFiles.inPreferences(), width, height);
    }

    /**
     * @param fxThread how results of background work come back to the FX thread
     * @param recent   where recent files are remembered
     */
    public MainWindow(PlaygroundViewModel vm, Executor background, Consumer<Runnable> fxThread,
            RecentFiles recent, double width, double height) {
        this.vm = vm;
        this.background = background;
        this.fxThread = fxThread;
        this.documents = new DocumentViewModel(vm, background, fxThread, recent);
        this.teaching = new TeachingContext(vm);
        this.gradientCheck = new GradientCheckViewModel(teaching, background, fxThread);
        this.stepper = new StepperViewModel(teaching);
        this.dialogs = new FileDialogs(this::owner);
        this.images = ImagesViewModel.standard(background, daemonWorker("image-pictures"), fxThread);
        this.files = new FileCommands(documents, dialogs,
                new SaveBeforeLeaving(documents, this::owner, dialogs::sessionToSave), this::openModel,
                this::openData, this::openImageSession);

        tabs.getStyleClass().add("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addTab(View.PLAYGROUND, playground());
        addTab(View.STEPPER, new StepperView(stepper));
        addTab(View.GRADIENT_CHECK, new GradientCheckView(gradientCheck));
        addTab(View.AUTODIFF, new AutodiffView(autodiff));
        imagesView = new ImagesView(images, this::chooseImageFolder);
        addTab(View.IMAGES, imagesView);
        // Apply best makes the best trial the playground's network, and shows it there.
        tuning = new io.neuralplayground.ui.viewmodel.tuning.TuningViewModel(vm::settings, (settings, network) -> {
            vm.load(settings, network);
            select(View.PLAYGROUND);
        }, daemonWorker("tuning-work"), fxThread);
        addTab(View.TUNING, new io.neuralplayground.ui.view.tuning.TuningView(tuning,
                io.neuralplayground.ui.view.tuning.TuningFiles.choosers(this::owner)));
        searchBeforeLeaving = new SearchBeforeLeaving(tuning, this::owner);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == tabOf.get(View.STEPPER) || now == tabOf.get(View.GRADIENT_CHECK)) {
                // A tab that works on the playground's network opens on the network as it is now.
                teaching.catchUp();
            }
            if (now == tabOf.get(View.IMAGES)) {
                // The images are read the first time the tab shows: a window that never shows them pays nothing.
                images.openDefault();
            }
            if (now == tabOf.get(View.GRADIENT_CHECK) && (gradientCheck.resultProperty().get() == null
                    || gradientCheck.staleProperty().get())) {
                gradientCheck.run();
            }
            // The keys of a view (→ for the next step) go to the view, not to the tab headers, which would take
            // the arrows to switch tabs.
            if (now != null) {
                Platform.runLater(now.getContent()::requestFocus);
            }
        });

        menuBar = MainMenus.of(this, files);
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(menuBar);
        root.setCenter(tabs);
        StringBinding hint = hint();
        StatusBarView playgroundStatus = new StatusBarView(vm, hint, documents.statusProperty());
        ImageStatusBar imageStatus = new ImageStatusBar(images, hint);
        root.setBottom(playgroundStatus);
        // The Images tab trains a session of its own: its status bar tells of that one.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                root.setBottom(now == tabOf.get(View.IMAGES) ? imageStatus : playgroundStatus));
        // A file action's note stays until the user moves on: another tab, or training started or stopped.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> documents.clearStatus());
        vm.playingProperty().addListener((o, was, now) -> documents.clearStatus());
        scene = new Scene(root, width, height);
        for (String sheet : STYLESHEETS) {
            scene.getStylesheets().add(Styles.stylesheet(sheet));
        }
        installPlaygroundKeys();
        installFileDrop();
        documents.noticeProperty().addListener((o, was, now) -> {
            if (now != null) {
                alert(now.error() ? AlertType.ERROR : AlertType.INFORMATION, now.header(), now.message());
            }
        });
        images.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                alert(AlertType.ERROR, "The images could not be opened", now);
            }
        });
        vm.setStepThroughHandler(point -> {
            teaching.useExampleAt(point.x1(), point.x2(), point.label());
            select(View.STEPPER);
        });
    }

    /** The loss curve and the confusion matrix under the output plot. */
    public OutputDetails outputDetails() {
        return details;
    }

    private Node playground() {
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("playground");
        pane.setTop(new TopBar(vm));
        pane.setLeft(new ScrollColumn(new DataPanel(vm), "data-column", true));
        pane.setCenter(new NetworkGraphView(vm));
        details = new OutputDetails(vm);
        // Room a tall window has under the plot goes to the loss chart (or the confusion matrix).
        VBox.setVgrow(details, Priority.ALWAYS);
        OutputPlotView plotView = new OutputPlotView(vm);
        plotView.putInHeader(details.switches());
        VBox output = new VBox(plotView, details);
        output.getStyleClass().add("output-column");
        ScrollColumn right = new ScrollColumn(output, "output-scroll");
        right.setMinWidth(OUTPUT_COLUMN_MIN_WIDTH);
        // The output column takes a third of the window, the network what is left; never less than the plot's
        // smallest square needs.
        right.prefWidthProperty().bind(Bindings.max(OUTPUT_COLUMN_MIN_WIDTH, pane.widthProperty().divide(3)));
        pane.setRight(right);
        return pane;
    }

    /** What the keys do in the view on screen, for the status bar; it says too when the playground trains on. */
    private StringBinding hint() {
        return Bindings.createStringBinding(() -> {
            Tab tab = tabs.getSelectionModel().getSelectedItem();
            View view = tab == null ? View.PLAYGROUND : (View) tab.getUserData();
            boolean playing = vm.playingProperty().get();
            String training = playing ? "The playground is training · " : "";
            return switch (view) {
                case PLAYGROUND -> playing ? "Training — press Space to pause"
                        : "Paused — press Space to train, → for one epoch";
                case STEPPER, AUTODIFF -> training + "→ next step, ← previous step, Home to the start, End to the end";
                case GRADIENT_CHECK -> training + "Backprop's gradient beside the finite differences, parameter by"
                        + " parameter; Run checks again";
                case TUNING -> training + "Alt+S starts the search, Alt+C cancels it, Alt+A applies the best trial";
                case IMAGES -> images.playingProperty().get() ? "Training on images — press Space to pause"
                        : "Paused — press Space to train, → to the end of the epoch, R to reset";
            };
        }, tabs.getSelectionModel().selectedItemProperty(), vm.playingProperty(), images.playingProperty());
    }

    private void addTab(View view, Node content) {
        Tab tab = new Tab(view.title(), content);
        tab.setUserData(view);
        tabOf.put(view, tab);
        tabs.getTabs().add(tab);
    }

    public Scene scene() {
        return scene;
    }

    public PlaygroundViewModel viewModel() {
        return vm;
    }

    public TeachingContext teaching() {
        return teaching;
    }

    public GradientCheckViewModel gradientCheck() {
        return gradientCheck;
    }

    public StepperViewModel stepper() {
        return stepper;
    }

    public AutodiffViewModel autodiff() {
        return autodiff;
    }

    public DocumentViewModel documents() {
        return documents;
    }

    /** The Images tab's view model. */
    public ImagesViewModel images() {
        return images;
    }

    /** The Tuning tab's view model. */
    public io.neuralplayground.ui.viewmodel.tuning.TuningViewModel tuning() {
        return tuning;
    }

    /** The Images tab's view. */
    public ImagesView imagesView() {
        return imagesView;
    }

    /**
     * File ▸ Open images…: asks for a folder with the four IDX files and trains on it in the Images tab; a folder
     * that lacks one is refused with a message naming the missing files, and nothing changes.
     */
    void chooseImageFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Open a folder of MNIST or Fashion-MNIST images");
        File folder = chooser.showDialog(owner());
        if (folder != null) {
            openImages(folder.toPath());
        }
    }

    /** Opens a saved image session in the Images tab (File ▸ Open… of a file {@code ImageSessionFiles} wrote). */
    public void openImageSession(Path file) {
        // Shown first: the tab's first showing starts reading its default images, which the session then replaces.
        select(View.IMAGES);
        images.openSession(file);
    }

    /** File ▸ Save (as) while the Images tab shows: the image session to a file the user chooses. */
    void saveImageSession() {
        dialogs.exportTarget("Save the image session", "image-session.json").ifPresent(file ->
                images.saveSession(file).whenComplete((written, failure) -> {
                    if (failure != null) {
                        alert(AlertType.ERROR, "The image session could not be saved", failure.getMessage());
                    } else {
                        alert(AlertType.INFORMATION, "The image session was saved", "Written to "
                                + written.toAbsolutePath() + "; File ▸ Open… opens it again in the Images tab");
                    }
                }));
    }

    /** Opens the images in {@code folder} in the Images tab (see {@link #chooseImageFolder}). */
    public boolean openImages(Path folder) {
        select(View.IMAGES);
        return images.openFolder(folder);
    }

    /**
     * File ▸ Export network while the Images tab shows: the image network, its inputs named pixel_0 … pixel_783,
     * written off the FX thread.
     */
    void exportImageNetwork(ModelFormat format) {
        io.neuralplayground.io.Model model = images.model();
        if (model == null) {
            alert(AlertType.INFORMATION, "No image network yet", "Open images in the Images tab first.");
            return;
        }
        String name = (format == ModelFormat.JAVA ? "ImageNetwork" : "image-network") + format.extension();
        dialogs.exportTarget("Export the image network as " + format.title(), name).ifPresent(file ->
                BackgroundTask.of(() -> {
                    format.write(model, file);
                    return file;
                }).onSuccess(written -> alert(AlertType.INFORMATION, "The image network was exported",
                        "Written (" + format.title() + ") to " + written.toAbsolutePath()))
                        .onFailure(e -> alert(AlertType.ERROR, "The image network could not be exported",
                                e.getMessage()))
                        .run(new TaskExecutor(background, fxThread)));
    }

    /**
     * A thread of its own, ending when idle, for work that must not queue behind the window's file thread: the
     * Images tab's weight pictures, the Tuning tab's files and its best trial trained again.
     */
    private static Executor daemonWorker(String name) {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(0, 1, 5,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    /** Shows {@code view}'s tab (if the window has it). */
    public void select(View view) {
        Tab tab = tabOf.get(view);
        if (tab != null) {
            tabs.getSelectionModel().select(tab);
        }
    }

    public View selected() {
        return (View) tabs.getSelectionModel().getSelectedItem().getUserData();
    }

    /**
     * Quits, once a running search may stop and the session's unsaved changes are saved or let go (Ctrl+Q,
     * File ▸ Quit, closing the window); Cancel keeps the window open.
     */
    public void quit() {
        searchBeforeLeaving.then(files::quit);
    }

    /** What quitting does instead of ending the application (for tests). */
    void onQuit(Runnable action) {
        files.onQuit(action);
    }

    /** The menu bar, for {@link MenuOpener}. */
    MenuBar menuBar() {
        return menuBar;
    }

    /** A file dropped on the window is opened as from File ▸ Open; a {@code .csv} file as from File ▸ Open data…. */
    private void installFileDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                Path dropped = e.getDragboard().getFiles().get(0).toPath();
                // Asked after the drop has finished: a dialog inside the drop handler would hold up the drag.
                Platform.runLater(isDataFile(dropped) ? () -> openData(dropped) : () -> files.openAfterAsking(dropped));
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /**
     * Opens a network file in the teaching views, in any format that can be read (loss and learning rate from a
     * model JSON's training section, or the stepper's defaults) and shows the stepper; a bad file is refused with a
     * message naming it and the problem, nothing else changes. The file is read on the background executor.
     *
     * @return completes on the FX thread once the model is in the stepper (true) or refused (false)
     */
    public CompletableFuture<Boolean> openModel(Path file) {
        return BackgroundTask.of(() -> ModelImports.forStepper(file)).onSuccess(imported -> {
            stepper.openModel(imported.model(), file.getFileName().toString());
            select(View.STEPPER);
            if (!imported.notes().isEmpty()) {
                alert(AlertType.INFORMATION, "The model was opened, with notes",
                        file.getFileName() + ":\n" + String.join("\n", imported.notes()));
            }
        }).onFailure(e -> alert(AlertType.ERROR, "The model could not be opened", e.getMessage()))
                .run(new TaskExecutor(background, fxThread));
    }

    /** Whether {@code file} is a data file for the Open data… dialog rather than a session or a network: by name. */
    static boolean isDataFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Shows the Open data… dialog on {@code file}: its first rows, the guesses and the choices. Its files are read
     * on the background executor. When the user opens the file and it is read, the result goes to the
     * {@link #setDataImportHandler data import handler}; Cancel gives it nothing. The session is not touched here.
     *
     * @return completes on the FX thread when the dialog closes: with what was read, or empty
     */
    public CompletableFuture<Optional<CsvImport>> openData(Path file) {
        CsvImportViewModel model = new CsvImportViewModel(new TaskExecutor(background, fxThread),
                vm.seedProperty().get());
        CsvImportDialog dialog = new CsvImportDialog(model);
        dialog.initOwner(owner());
        CompletableFuture<Optional<CsvImport>> closed = new CompletableFuture<>();
        dialog.setOnHidden(e -> {
            Optional<CsvImport> result = Optional.ofNullable(dialog.getResult());
            result.ifPresent(dataImportHandler);
            closed.complete(result);
        });
        model.load(file);
        dialog.show();
        return closed;
    }

    /**
     * What becomes of a data file the Open data… dialog read (on the FX thread). Until the playground trains on
     * loaded data, the default only says what was read.
     */
    public void setDataImportHandler(Consumer<CsvImport> handler) {
        dataImportHandler = Objects.requireNonNull(handler);
    }

    /**
     * Makes a file read in the Open data… dialog the playground's data, with its split and standardization; data
     * the playground refuses changes nothing and says why.
     */
    private void trainOn(CsvImport read) {
        DataFile data = new DataFile(read.path().toString(), read.labelColumn(), read.labelKind(),
                read.featureColumns(), read.standardize(), read.dataset());
        try {
            vm.openData(data, read.trainRatio(), read.seed());
            select(View.PLAYGROUND);
        } catch (PlaygroundException e) {
            alert(AlertType.ERROR, "The data could not be opened", e.getMessage());
        }
    }

    /** Opens the bundled textbook example (Matt Mazur's 2-2-2 sigmoid network) in the stepper. */
    public void openTextbookExample() {
        try {
            stepper.openTextbookExample();
            select(View.STEPPER);
        } catch (PlaygroundException e) {
            alert(AlertType.ERROR, "The example could not be opened", e.getMessage());
        }
    }

    private Window owner() {
        return scene.getWindow();
    }

    void alert(AlertType type, String header, String message) {
        Alert alert = new Alert(type, message);
        alert.setHeaderText(header);
        alert.initOwner(owner());
        alert.show();
    }

    /** Space, → and R on the playground's tab and on the Images tab, unless a text field has the keyboard. */
    private void installPlaygroundKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            View view = selected();
            if ((view != View.PLAYGROUND && view != View.IMAGES)
                    || scene.getFocusOwner() instanceof TextInputControl || event.isShortcutDown()) {
                return;
            }
            boolean onImages = view == View.IMAGES;
            Runnable action = switch (event.getCode()) {
                case SPACE -> onImages ? images::togglePlay : vm::togglePlay;
                case RIGHT -> onImages ? images::stepEpoch : vm::step;
                case R -> onImages ? images::reset : vm::reset;
                default -> null;
            };
            if (action != null) {
                action.run();
                event.consume();
            }
        });
    }
}
