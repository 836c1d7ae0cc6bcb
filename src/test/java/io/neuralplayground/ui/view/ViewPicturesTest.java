package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static io.neuralplayground.ui.view.ViewTesting.save;
import static io.neuralplayground.ui.view.ViewTesting.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Pictures of the three views after training the spiral, written to target/ to be looked at. */
@ExtendWith(ApplicationExtension.class)
class ViewPicturesTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    @Test
    void spiralPictures(FxRobot robot) throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.SPIRAL)
                .withFeatures(Arrays.asList(Feature.values()))
                .withHidden(List.of(8, 8, 8), List.of(Activation.TANH, Activation.TANH, Activation.TANH));
        OutputPlotView[] output = new OutputPlotView[1];
        LossChartView[] chart = new LossChartView[1];
        DataPanel[] data = new DataPanel[1];
        robot.interact(() -> {
            vm = fx.playground(settings);
            output[0] = new OutputPlotView(vm);
            chart[0] = new LossChartView(vm);
            data[0] = new DataPanel(vm);
            HBox window = new HBox(data[0], new VBox(output[0], chart[0]));
            window.setStyle("-fx-background-color: white;");
            fx.show(window, 700, 790, Styles.outputCss());
        });
        frame(robot, vm);
        for (int i = 0; i < 10; i++) {
            ViewTesting.train(robot, vm, 100);
        }
        robot.interact(() -> vm.showTestDataProperty().set(true));
        frame(robot, vm);
        assertThat(vm.epochProperty().get()).isEqualTo(1000);

        robot.interact(() -> chart[0].logScaleToggle().setSelected(true));
        Path log = save(snapshot(robot, chart[0]), "loss-chart-log.png");
        robot.interact(() -> chart[0].logScaleToggle().setSelected(false));
        Path all = save(snapshot(robot, output[0].getScene()), "playground-views.png");
        Path plot = save(snapshot(robot, output[0]), "output-plot.png");
        Path loss = save(snapshot(robot, chart[0]), "loss-chart.png");
        robot.interact(() -> chart[0].accuracyChoice().setSelected(true));
        Path accuracy = save(snapshot(robot, chart[0]), "accuracy-chart.png");
        robot.interact(() -> chart[0].lossChoice().setSelected(true));
        Image panel = snapshot(robot, data[0]);
        Path dataPng = save(panel, "data-panel.png");
        for (Path p : List.of(all, plot, loss, accuracy, log, dataPng)) {
            assertThat(Files.size(p)).isGreaterThan(1000);
        }
        System.out.printf("spiral after %d epochs: test loss %.4f, test accuracy %.3f%n", vm.epochProperty().get(),
                vm.testLossProperty().get(), vm.testAccuracyProperty().get());
    }

    @Test
    void regressionPictures(FxRobot robot) throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.MULTIGAUSS)
                .withFeatures(Arrays.asList(Feature.values()))
                .withHidden(List.of(8, 8), List.of(Activation.TANH, Activation.TANH));
        Scene[] scene = new Scene[1];
        robot.interact(() -> {
            vm = fx.playground(settings);
            HBox window = new HBox(new DataPanel(vm), new VBox(new OutputPlotView(vm), new LossChartView(vm)));
            window.setStyle("-fx-background-color: white;");
            scene[0] = fx.show(window, 700, 790, Styles.outputCss());
        });
        ViewTesting.train(robot, vm, 300);
        assertThat(vm.testAccuracyProperty().get()).isNaN();
        Path all = save(snapshot(robot, scene[0]), "playground-views-regression.png");
        assertThat(Files.size(all)).isGreaterThan(1000);
    }
}
