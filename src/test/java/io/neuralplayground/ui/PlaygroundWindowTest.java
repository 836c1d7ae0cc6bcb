package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window, headless: the play button, the keyboard, the epoch counter. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundWindowTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private FrameLoop frames;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults());
        scene = new MainWindow(vm, Runnable::run, 1400, 860).scene();
        frames = new FrameLoop(vm);
        frames.start();
        fx.show(scene);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(frames::stop);
    }

    private int epochShown(FxRobot robot) {
        Label counter = robot.lookup(".epoch-counter")
                .match((javafx.scene.Node n) -> !n.getStyleClass().contains("image-epoch-counter")).queryAs(Label.class);
        return Integer.parseInt(counter.getText().replace(",", ""));
    }

    @Test
    void playButtonTrainsAndTheLossFalls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double initial = vm.trainLossProperty().get();
        robot.clickOn(robot.lookup(".play-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> epochShown(robot) >= 100);
        robot.clickOn(robot.lookup(".play-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.playingProperty().get());
        assertThat(vm.trainLossProperty().get()).isLessThan(initial);
        int paused = epochShown(robot);
        // Every command applied: the session itself is paused, at the epoch the counter shows ...
        vm.session().sync();
        assertThat(vm.session().latest().playing()).isFalse();
        assertThat(vm.session().latest().epoch()).isEqualTo(paused);
        // ... and a frame after that, which would grant a playing session its next epoch, shows the same epoch.
        robot.interact(vm::onFrame);
        vm.session().sync();
        robot.interact(vm::onFrame);
        assertThat(epochShown(robot)).isEqualTo(paused);
    }

    @Test
    void keyboardPlaysStepsAndResets(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> epochShown(robot) == 3);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> epochShown(robot) > 10);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.playingProperty().get());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> epochShown(robot) == 0);
    }

    @Test
    void theWholeWindowRenders(FxRobot robot) throws Exception {
        vm.session().trainEpochs(200);
        vm.session().sync();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> epochShown(robot) == 200);
        WaitForAsyncUtils.waitForFxEvents();
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        File png = new File("target/window.png");
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", png);
        assertThat(image[0].getWidth()).isEqualTo(1400);
        assertThat(png).exists();
    }
}
