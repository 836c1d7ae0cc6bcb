package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static io.neuralplayground.ui.view.ViewTesting.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.SampleEncoder;
import io.neuralplayground.data.Split;
import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.ConfusionCell;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Locale;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The confusion matrix under the plot: the numbers of the network now, per part, and a cell marking its points. */
@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private OutputPlotView plotView;
    private ConfusionMatrixView matrix;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults().withDataset(PlaygroundDataset.BLOBS).withClasses(4)
                .withNoise(0.4));
        plotView = new OutputPlotView(vm);
        matrix = new ConfusionMatrixView(vm);
        fx.show(new VBox(plotView, matrix), 460, 860, Styles.outputCss());
    }

    /** The matrix of {@code snapshot}'s network on one part, computed here from the engine's own rules. */
    private static ConfusionMatrix expected(Snapshot snapshot, boolean test) {
        Split split = snapshot.split();
        var samples = SampleEncoder.encode(test ? split.test() : split.train(), snapshot.features(),
                snapshot.config().encoding(), snapshot.network().outputs());
        return ConfusionMatrix.of(snapshot.network(), samples, snapshot.config().encoding());
    }

    private void assertShows(ConfusionMatrix m) {
        for (int i = 0; i < m.classes(); i++) {
            for (int j = 0; j < m.classes(); j++) {
                assertThat(matrix.cell(i, j).getText()).as("cell %d,%d", i, j).startsWith(m.count(i, j) + "\n");
            }
            assertThat(matrix.measures(i)).containsExactly(String.format(Locale.ROOT, "%.2f", m.precision(i)),
                    String.format(Locale.ROOT, "%.2f", m.recall(i)), String.format(Locale.ROOT, "%.2f", m.f1(i)),
                    Integer.toString(m.support(i)));
        }
        assertThat(matrix.accuracyText()).isEqualTo(String.format(Locale.ROOT, "accuracy %.1f %%", 100 * m.accuracy()));
    }

    @Test
    void theMatrixIsTheNetworksNowForTrainingAndTestExamples(FxRobot robot) throws Exception {
        train(robot, vm, 20);
        Snapshot snapshot = vm.snapshotProperty().get();
        ConfusionMatrix train = expected(snapshot, false);
        assertThat(train.total()).isEqualTo(snapshot.split().train().size());
        assertShows(train);
        assertThat(train.accuracy()).isEqualTo(snapshot.trainAccuracy());

        robot.interact(() -> matrix.showTest(true));
        assertShows(expected(snapshot, true));

        // Live: more epochs, new numbers.
        train(robot, vm, 30);
        assertShows(expected(vm.snapshotProperty().get(), true));
    }

    @Test
    void aClickOnACellMarksItsExamplesInThePlotAndASecondClickClearsThem(FxRobot robot) throws Exception {
        train(robot, vm, 20);
        ConfusionMatrix m = expected(vm.snapshotProperty().get(), false);
        int[] cell = fullestMistake(m);
        robot.clickOn(matrix.cell(cell[0], cell[1]));
        assertThat(vm.highlightedCellProperty().get()).isEqualTo(new ConfusionCell(false, cell[0], cell[1]));
        robot.interact(() -> plotView.plot().layout());
        assertThat(plotView.plot().markedCount()).isEqualTo(m.count(cell[0], cell[1])).isPositive();

        robot.clickOn(matrix.cell(cell[0], cell[1]));
        assertThat(vm.highlightedCellProperty().get()).isNull();
        robot.interact(() -> plotView.plot().layout());
        assertThat(plotView.plot().markedCount()).isZero();
    }

    @Test
    void regressionHasNoMatrixAndSaysWhy(FxRobot robot) throws Exception {
        robot.interact(() -> vm.datasetProperty().set(PlaygroundDataset.PLANE));
        frame(robot, vm);
        assertThat(vm.classReportProperty().get()).isNull();
        assertThat(matrix.lookupAll(".confusion-cell")).allMatch(n -> !n.isVisible() || !n.getParent().isVisible());
        assertThat(robot.lookup("Regression has no classes: the confusion matrix is for classification.")
                .tryQuery()).isPresent();
    }

    /** The off-diagonal cell with the most examples. */
    private static int[] fullestMistake(ConfusionMatrix m) {
        int[] best = {0, 1};
        for (int i = 0; i < m.classes(); i++) {
            for (int j = 0; j < m.classes(); j++) {
                if (i != j && m.count(i, j) > m.count(best[0], best[1])) {
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

}
