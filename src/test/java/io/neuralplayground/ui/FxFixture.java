package io.neuralplayground.ui;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The window a headless UI test shows its view in: TestFX's stage, a scene of the size the test names with the
 * style sheets it names, and the playground view models to close after the test.
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class SomeViewTest {
 *     @RegisterExtension
 *     final FxFixture fx = new FxFixture();
 *
 *     @Start
 *     void start(Stage stage) {
 *         fx.start(stage);
 *     }
 *
 *     void open(FxRobot robot) {
 *         robot.interact(() -> {
 *             vm = fx.playground(PlaygroundSettings.defaults());
 *             fx.show(new SomeView(vm), 400, 220, Styles.outputCss());
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>TestFX hands every test the same stage, sized by the test before, so each scene is shown with the stage sized
 * to it. The view models are closed (their training threads ended) after the test's own {@code @AfterEach} methods.
 */
public final class FxFixture implements AfterEachCallback {
    private final Deque<PlaygroundViewModel> opened = new ArrayDeque<>();
    private Stage stage;

    /** Takes the stage to show scenes in: call it from the test's {@code @Start}, or in {@code setupStage}. */
    public void start(Stage stage) {
        this.stage = Objects.requireNonNull(stage);
    }

    /** The stage the scenes are shown in. */
    public Stage stage() {
        if (stage == null) {
            throw new IllegalStateException("no stage yet: call start(stage) from the test's @Start");
        }
        return stage;
    }

    /** A playground view model on {@code settings}, computing its heatmaps on the calling thread; closed after. */
    public PlaygroundViewModel playground(PlaygroundSettings settings) {
        PlaygroundViewModel vm = new PlaygroundViewModel(settings, Runnable::run);
        opened.push(vm);
        return vm;
    }

    /**
     * Shows {@code root} in a new scene of {@code width} × {@code height} with {@code stylesheets} (URLs, such as
     * {@code Styles.outputCss()}; a view that brings its own needs none). On the FX thread.
     */
    public Scene show(Parent root, double width, double height, String... stylesheets) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(stylesheets);
        return show(scene);
    }

    /** Shows {@code scene} (the main window's, say, which brings its own style sheets). On the FX thread. */
    public Scene show(Scene scene) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("show scenes on the FX thread: in @Start or robot.interact");
        }
        Stage shown = stage();
        shown.setScene(scene);
        shown.sizeToScene();
        shown.show();
        return scene;
    }

    /** Closes the playground view models made here, the newest first. */
    @Override
    public void afterEach(ExtensionContext context) {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}
