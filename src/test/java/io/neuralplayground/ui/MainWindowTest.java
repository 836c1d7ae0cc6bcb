package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tabs of the main window and their keys, clicked and typed as a person would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private PlaygroundViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
        vm.onFrame();
        window = new MainWindow(vm, Runnable::run, 1400, 860);
        stage.setScene(window.scene());
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private Node tabHeader(FxRobot robot, String title) {
        return robot.lookup(".tab-label").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Label l && l.getText().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void arrowsStepTheStepperAfterItsTabIsClicked(FxRobot robot) throws Exception {
        robot.clickOn(tabHeader(robot, "Backprop stepper"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        int before = window.stepper().index();
        robot.type(KeyCode.RIGHT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        assertThat(window.stepper().index()).isEqualTo(before + 3);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stepper().index()).isEqualTo(window.stepper().stepCountProperty().get());
    }

    @Test
    void theTextbookExampleOpensFromTheMenu(FxRobot robot) {
        robot.clickOn("File");
        robot.clickOn("Open example");
        robot.clickOn("Textbook 2-2-2 network (sigmoid, step by step)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        assertThat(window.teaching().network().source()).isEqualTo("textbook-2-2-2.json");
        assertThat(window.teaching().network().network().describe()).isEqualTo("2-2-2");
    }

    @Test
    void spaceTrainsOnlyOnThePlaygroundTab(FxRobot robot) throws Exception {
        robot.clickOn(tabHeader(robot, "Autodiff"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        Thread.sleep(100);
        vm.session().sync();
        assertThat(vm.session().latest().playing()).isFalse();
        robot.clickOn(tabHeader(robot, "Playground"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.RIGHT);
        vm.session().sync();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.session().latest().epoch() == 1);
    }

    @Test
    void aRightClickOnAPointStepsThroughBackpropOnIt(FxRobot robot) {
        var example = vm.snapshotProperty().get().split().train();
        robot.interact(() -> vm.stepThrough(new io.neuralplayground.data.Point(example.value(0, 0),
                example.value(0, 1), example.label(0))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        double[] input = window.teaching().examples().inputs()[0];
        assertThat(input).containsExactly(example.value(0, 0), example.value(0, 1));
    }
}
