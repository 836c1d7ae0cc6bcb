package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.session.LossChoice;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The top bar's loss: only what fits the data, the lecture's default first, and the network follows it. */
@ExtendWith(ApplicationExtension.class)
class TopBarLossTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private ComboBox<LossChoice> loss;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults());
        TopBar bar = new TopBar(vm);
        fx.show(bar, 1400, 80, Styles.outputCss());
        loss = (ComboBox<LossChoice>) bar.lookup(".loss-choice");
    }

    @Test
    void theChoicesFollowTheDataWithTheLecturesDefaultFirst(FxRobot robot) throws Exception {
        assertThat(loss.getItems()).containsExactly(LossChoice.BINARY_CROSSENTROPY, LossChoice.PLAYGROUND,
                LossChoice.CATEGORICAL_CROSSENTROPY, LossChoice.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertThat(loss.getValue()).isEqualTo(LossChoice.BINARY_CROSSENTROPY);
        assertThat(loss.getTooltip().getText()).startsWith("Binary cross-entropy: ");

        robot.interact(() -> vm.datasetProperty().set(PlaygroundDataset.RINGS));
        assertThat(loss.getItems()).containsExactly(LossChoice.SPARSE_CATEGORICAL_CROSSENTROPY,
                LossChoice.CATEGORICAL_CROSSENTROPY);
        assertThat(loss.getValue()).isEqualTo(LossChoice.SPARSE_CATEGORICAL_CROSSENTROPY);

        robot.interact(() -> vm.datasetProperty().set(PlaygroundDataset.PLANE));
        assertThat(loss.getItems()).containsExactly(LossChoice.MEAN_SQUARED_ERROR, LossChoice.PLAYGROUND,
                LossChoice.MEAN_ABSOLUTE_ERROR);
        assertThat(loss.getValue()).isEqualTo(LossChoice.MEAN_SQUARED_ERROR);
    }

    @Test
    void choosingALossRebuildsTheNetworkWithItsOutput(FxRobot robot) throws Exception {
        robot.interact(() -> loss.setValue(LossChoice.PLAYGROUND));
        frame(robot, vm);
        var snapshot = vm.snapshotProperty().get();
        assertThat(snapshot.config().loss()).isEqualTo(Loss.HALF_SQUARED_ERROR);
        assertThat(snapshot.network().outputLayer().activation()).isEqualTo(Activation.TANH);

        robot.interact(() -> loss.setValue(LossChoice.CATEGORICAL_CROSSENTROPY));
        frame(robot, vm);
        snapshot = vm.snapshotProperty().get();
        assertThat(snapshot.config().loss()).isEqualTo(Loss.CATEGORICAL_CROSSENTROPY);
        assertThat(snapshot.network().outputs()).as("softmax on two classes: one unit per class").isEqualTo(2);
        assertThat(snapshot.network().outputLayer().activation()).isEqualTo(Activation.SOFTMAX);
    }

    @Test
    void anOutputThatDoesNotFitTheLossCannotBeChosen(FxRobot robot) throws Exception {
        int output = vm.settings().hiddenLayers().size();
        robot.interact(() -> vm.setLayerActivation(output, Activation.TANH));
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().network().outputLayer().activation())
                .as("binary cross-entropy keeps its sigmoid").isEqualTo(Activation.SIGMOID);
        robot.interact(() -> loss.setValue(LossChoice.PLAYGROUND));
        robot.interact(() -> vm.setLayerActivation(output, Activation.LINEAR));
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().network().outputLayer().activation()).isEqualTo(Activation.LINEAR);
    }
}
