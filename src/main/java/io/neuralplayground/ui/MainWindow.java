package io.neuralplayground.ui;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.app.BackgroundTask;
import io.neuralplayground.app.ModelImports;
import io.neuralplayground.app.TaskExecutor;
import io.neuralplayground.io.ModelFormat;
import io.neuralplayground.ui.view.DataPanel;
import io.neuralplayground.ui.view.LossChartView;
import io.neuralplayground.ui.view.NetworkGraphView;
import io.neuralplayground.ui.view.OutputPlotView;
import io.neuralplayground.ui.view.ScrollColumn;
import io.neuralplayground.ui.view.StatusBarView;
import io.neuralplayground.ui.view.Styles;
import io.neuralplayground.ui.view.TopBar;
import io.neuralplayground.ui.view.teaching.AutodiffView;
import io.neuralplayground.ui.view.teaching.GradientCheckView;
import io.neuralplayground.ui.view.teaching.StepperView;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * The main window: a menu bar; tabs for the playground and the teaching views (the backprop stepper, the gradient
 * check, autodiff on a graph); the status bar. The playground's keys (Space, →, R) work on its tab.
 */
public final class MainWindow {
    /** The window's views, one tab each. */
    public enum View {
        PLAYGROUND("Playground"),
        STEPPER("Backprop stepper"),
        GRADIENT_CHECK("Gradient check"),
        AUTODIFF("Autodiff");

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
    private final SaveBeforeLeaving leaving;
    /** What quitting does once nothing unsaved is in the way (tests count it instead of exiting). */
    private Runnable quitAction = Platform::exit;

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
        this.leaving = new SaveBeforeLeaving(documents, this::owner, this::askForSessionFile);

        tabs.getStyleClass().add("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addTab(View.PLAYGROUND, playground());
        addTab(View.STEPPER, new StepperView(stepper));
        addTab(View.GRADIENT_CHECK, new GradientCheckView(gradientCheck));
        addTab(View.AUTODIFF, new AutodiffView(autodiff));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == tabOf.get(View.STEPPER) || now == tabOf.get(View.GRADIENT_CHECK)) {
                // A tab that works on the playground's network opens on the network as it is now.
                teaching.catchUp();
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

        menuBar = menuBar();
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(menuBar);
        root.setCenter(tabs);
        root.setBottom(new StatusBarView(vm, hint(), documents.statusProperty()));
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
        vm.setStepThroughHandler(point -> {
            teaching.useExampleAt(point.x1(), point.x2(), point.label());
            select(View.STEPPER);
        });
    }

    private Node playground() {
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("playground");
        pane.setTop(new TopBar(vm));
        pane.setLeft(new ScrollColumn(new DataPanel(vm), "data-column"));
        pane.setCenter(new NetworkGraphView(vm));
        LossChartView loss = new LossChartView(vm);
        // Room a tall window has under the plot goes to the loss chart.
        VBox.setVgrow(loss, Priority.ALWAYS);
        VBox output = new VBox(new OutputPlotView(vm), loss);
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
            };
        }, tabs.getSelectionModel().selectedItemProperty(), vm.playingProperty());
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
     * Opens a menu and the submenus on the way, as a click on each would: {@code "File", "Export network"}. For
     * pictures of the menus.
     *
     * @throws IllegalArgumentException naming the first title that is not there
     */
    public void openMenu(String... titles) {
        List<MenuItem> items = List.copyOf(menuBar.getMenus());
        for (int k = 0; k < titles.length; k++) {
            String title = titles[k];
            Menu menu = items.stream().filter(i -> i instanceof Menu && title.equals(i.getText()))
                    .map(Menu.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no menu '" + title + "'"));
            if (k == 0) {
                menu.show();
            } else {
                hover(title);
            }
            items = menu.getItems();
        }
    }

    /** Moves the mouse, as it were, onto the open menu entry titled {@code title}: a submenu opens as on a hover. */
    private static void hover(String title) {
        for (Window w : Window.getWindows()) {
            if (!(w instanceof PopupWindow) || !w.isShowing() || w.getScene() == null) {
                continue;
            }
            for (Node node : w.getScene().getRoot().lookupAll(".menu")) {
                boolean titled = node instanceof Parent p && p.getChildrenUnmodifiable().stream()
                        .anyMatch(c -> c instanceof Label l && title.equals(l.getText()));
                if (titled) {
                    Bounds b = node.localToScreen(node.getBoundsInLocal());
                    Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_ENTERED, b.getWidth() / 2,
                            b.getHeight() / 2, b.getCenterX(), b.getCenterY(), MouseButton.NONE, 0, false, false,
                            false, false, false, false, false, false, false, false, null));
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no open menu entry '" + title + "'");
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseAndOpen());
        Menu recent = new Menu("Open recent");
        fillRecent(recent);
        documents.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        MenuItem save = new MenuItem("Save");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> {
            if (!documents.save()) {
                chooseAndSave();
            }
        });
        MenuItem saveAs = new MenuItem("Save as…");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> chooseAndSave());
        MenuItem importModel = new MenuItem("Import network…");
        importModel.setOnAction(e -> chooseAndImport());
        Menu export = new Menu("Export network");
        for (ModelFormat format : ModelFormat.values()) {
            MenuItem item = new MenuItem(format.title() + " (" + format.extension() + ")…");
            item.setOnAction(e -> chooseAndExport(format));
            export.getItems().add(item);
        }
        MenuItem modelInStepper = new MenuItem("Open model in the stepper…");
        modelInStepper.setOnAction(e -> chooseModel());
        MenuItem textbook = new MenuItem("Textbook 2-2-2 network (sigmoid, step by step)");
        textbook.setOnAction(e -> openTextbookExample());
        Menu examples = new Menu("Open example", null, textbook);
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> quit());
        Menu file = new Menu("File", null, open, recent, save, saveAs, new SeparatorMenuItem(), importModel, export,
                new SeparatorMenuItem(), modelInStepper, examples, new SeparatorMenuItem(), quit);

        MenuItem copyShare = new MenuItem("Copy share string");
        copyShare.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(documents.shareString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem pasteShare = new MenuItem("Paste share string");
        pasteShare.setOnAction(e -> documents.pasteShareString(Clipboard.getSystemClipboard().getString()));
        Menu edit = new Menu("Edit", null, copyShare, pasteShare);

        Menu view = new Menu("View");
        int key = 1;
        for (View v : View.values()) {
            MenuItem item = new MenuItem(v.title());
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(key++)),
                    KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> select(v));
            view.getItems().add(item);
        }
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> alert(AlertType.INFORMATION, "Keyboard shortcuts", """
                Playground: Space plays and pauses, → trains one epoch, R resets.
                Backprop stepper and autodiff: → next step, ← previous, Home back to the start, End to the end.
                Ctrl+1 … Ctrl+4 switch views; Ctrl+O opens a session or a network, Ctrl+S saves the session.
                A file dropped on the window opens too."""));
        Menu help = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path path : documents.recentFiles()) {
            MenuItem item = new MenuItem(path.getFileName() + "   " + path.getParent());
            item.setOnAction(e -> openAfterAsking(path));
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private void chooseAndOpen() {
        askToOpen("Open a session or a network",
                new FileChooser.ExtensionFilter("Sessions and networks", "*.json", "*.npz", "*.keras", "*.h5"),
                new FileChooser.ExtensionFilter("All files", "*.*")).ifPresent(this::openAfterAsking);
    }

    /** Opens {@code path} in place of the session shown, once its unsaved changes are saved or let go. */
    private void openAfterAsking(Path path) {
        leaving.then("opening " + path.getFileName(), () -> documents.open(path));
    }

    /**
     * Quits, once the session's unsaved changes are saved or let go (Ctrl+Q, File ▸ Quit, closing the window);
     * Cancel keeps the window open.
     */
    public void quit() {
        leaving.then("quitting", quitAction);
    }

    /** What quitting does instead of ending the application (for tests). */
    void onQuit(Runnable action) {
        quitAction = action;
    }

    private void chooseAndSave() {
        askForSessionFile().ifPresent(documents::saveAs);
    }

    private Optional<Path> askForSessionFile() {
        return askToSave("Save the session", "playground.session.json",
                new FileChooser.ExtensionFilter("Sessions (*.session.json)", "*.json"));
    }

    private void chooseAndImport() {
        askToOpen("Import a network into the playground", networks()).ifPresent(documents::importModel);
    }

    private void chooseAndExport(ModelFormat format) {
        // Java names the class after the file, and classes are capitalised.
        String name = (format == ModelFormat.JAVA ? "Network" : "network") + format.extension();
        askToSave("Export the network as " + format.title(), name)
                .ifPresent(file -> documents.exportModel(format, file));
    }

    /** Asks for a model file and opens it in the teaching views. */
    private void chooseModel() {
        askToOpen("Open a model in the stepper", networks()).ifPresent(this::openModel);
    }

    /** Networks: "*.json", "*.npz", …, the file names of every format a network can be read from. */
    private static FileChooser.ExtensionFilter networks() {
        return new FileChooser.ExtensionFilter("Networks",
                ModelImports.importableExtensions().stream().map(extension -> "*" + extension).toList());
    }

    /** The file chosen in an open dialog, or empty when it was cancelled. */
    private Optional<Path> askToOpen(String title, FileChooser.ExtensionFilter... filters) {
        return Optional.ofNullable(chooser(title, filters).showOpenDialog(owner())).map(File::toPath);
    }

    /** The file chosen in a save dialog that proposes {@code initialName}, or empty when it was cancelled. */
    private Optional<Path> askToSave(String title, String initialName, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner())).map(File::toPath);
    }

    private static FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        return chooser;
    }

    /** A file dropped on the window is opened as from File ▸ Open. */
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
                Platform.runLater(() -> openAfterAsking(dropped));
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

    private void alert(AlertType type, String header, String message) {
        Alert alert = new Alert(type, message);
        alert.setHeaderText(header);
        alert.initOwner(owner());
        alert.show();
    }

    /** Space, → and R on the playground's tab, unless a text field has the keyboard. */
    private void installPlaygroundKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (selected() != View.PLAYGROUND || scene.getFocusOwner() instanceof TextInputControl
                    || event.isShortcutDown()) {
                return;
            }
            Runnable action = switch (event.getCode()) {
                case SPACE -> vm::togglePlay;
                case RIGHT -> vm::step;
                case R -> vm::reset;
                default -> null;
            };
            if (action != null) {
                action.run();
                event.consume();
            }
        });
    }
}
