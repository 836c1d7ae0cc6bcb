package io.neuralplayground.ui;

import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the view model and the window, runs the frame loop, and hands the window to a
 * script when one is given. Started through {@link #launch(LaunchPlan)}, never as a main class (see Main).
 */
public final class App extends Application {
    /**
     * JavaFX warns on every start that it runs from the class path (as a single jar must); nothing to act on.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static volatile LaunchPlan plan = LaunchPlan.interactive();
    private static volatile Throwable scriptFailure;

    private PlaygroundViewModel vm;
    private ExecutorService heatmapThread;
    /** Files and gradient checks: slow work of its own, so that it never holds up the neuron pictures. */
    private ExecutorService workThread;
    private FrameLoop frames;
    private MainWindow window;

    /** Opens the window and returns when it closes; a script's failure is rethrown. */
    public static void launch(LaunchPlan launchPlan) throws Throwable {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        plan = launchPlan;
        scriptFailure = null;
        Application.launch(App.class);
        if (scriptFailure != null) {
            throw scriptFailure;
        }
    }

    @Override
    public void start(Stage stage) {
        LaunchPlan p = plan;
        heatmapThread = daemonThread("heatmaps");
        workThread = daemonThread("files-and-checks");
        vm = new PlaygroundViewModel(p.settings(), heatmapThread);
        vm.speedProperty().set(p.speed());
        vm.showTestDataProperty().set(p.showTestData());
        vm.discretizeProperty().set(p.discretize());
        window = new MainWindow(vm, workThread, p.width(), p.height());
        Scene scene = window.scene();
        stage.titleProperty().bind(window.documents().titleProperty());
        stage.setScene(scene);
        // Closing the window is quitting: unsaved changes are asked about first, and Cancel keeps it open.
        stage.setOnCloseRequest(e -> {
            e.consume();
            window.quit();
        });
        stage.setMinWidth(MainWindow.MIN_WIDTH);
        stage.setMinHeight(MainWindow.MIN_HEIGHT);
        frames = new FrameLoop(vm, () -> {
            window.images().onFrame();
            window.tuning().onFrame();
        });
        frames.start();
        stage.show();
        if (p.open() != null && p.script() == null) {
            window.documents().open(p.open());
        }
        if (p.script() != null) {
            WindowDriver driver = new WindowDriver(window, frames);
            Thread script = new Thread(() -> {
                try {
                    p.script().run(driver);
                } catch (Throwable t) {
                    scriptFailure = t;
                } finally {
                    Platform.exit();
                }
            }, "window-script");
            script.setDaemon(true);
            script.start();
        }
    }

    @Override
    public void stop() {
        if (frames != null) {
            frames.stop();
        }
        if (vm != null) {
            vm.close();
        }
        if (window != null) {
            window.images().close();
            // Running trials stop at their next epoch; those already written to a results folder stay there.
            window.tuning().close();
        }
        if (heatmapThread != null) {
            heatmapThread.shutdownNow();
        }
        if (workThread != null) {
            // A file being saved gets a moment to be moved into place; it is written atomically either way.
            workThread.shutdown();
            try {
                workThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
