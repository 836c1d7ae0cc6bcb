package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.session.DataFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.PlotAxes;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The user's data in the views: the graph lists its columns, the plot's two axis pickers choose the plane. */
@ExtendWith(ApplicationExtension.class)
class OwnDataViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private OutputPlotView plotView;
    private NetworkGraphView graph;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults());
        plotView = new OutputPlotView(vm);
        graph = new NetworkGraphView(vm);
        HBox both = new HBox(graph, plotView);
        graph.setPrefSize(640, 600);
        fx.show(both, 1100, 640, Styles.outputCss(), NetworkGraphView.STYLESHEET);
    }

    @Test
    void thePickersShowOnlyForTheUsersDataAndChooseThePlotsAxes(FxRobot robot) throws Exception {
        frame(robot, vm);
        assertThat(ViewTesting.shown(plotView.axisPickers())).isFalse();
        assertThat(ViewTesting.shown(plotView.paintControls())).isTrue();

        robot.interact(() -> vm.openData(DataFile.example("iris.csv", "species")));
        frame(robot, vm);
        assertThat(ViewTesting.shown(plotView.axisPickers())).isTrue();
        assertThat(ViewTesting.shown(plotView.paintControls())).as("nothing to paint on a file's data").isFalse();
        AxisPickers pickers = plotView.axisPickers();
        assertThat(pickers.xChoice().getItems()).containsExactly("sepal_length", "sepal_width", "petal_length",
                "petal_width");
        assertThat(pickers.xChoice().getValue()).isEqualTo("sepal_length");
        assertThat(pickers.yChoice().getValue()).isEqualTo("sepal_width");

        robot.interact(() -> pickers.xChoice().setValue("petal_length"));
        robot.interact(() -> pickers.yChoice().setValue("petal_width"));
        frame(robot, vm);
        robot.interact(() -> plotView.plot().layout());
        assertThat(vm.plotAxesProperty().get()).isEqualTo(new PlotAxes("petal_length", "petal_width"));
        assertThat(plotView.plot().grid().extent()).as("z-scores, not Playground's ±6").isLessThan(3);
    }

    @Test
    void theGraphListsTheColumnsAndAClickSwitchesOneOff(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openData(DataFile.example("iris.csv", "species")));
        frame(robot, vm);
        robot.interact(() -> graph.layout());
        var layout = graph.graphLayout();
        assertThat(layout.shape().offered()).extracting(i -> i.label()).containsExactly("sepal_length",
                "sepal_width", "petal_length", "petal_width");
        var box = layout.input("sepal_width");
        robot.clickOn(graph.localToScreen(box.centerX(), box.centerY()));
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().features().names()).containsExactly("sepal_length", "petal_length",
                "petal_width");
    }

    @Test
    void aFileWithMoreColumnsThanRowsScrollsTheInputColumnByWheelAndMarker(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 40; c++) {
            csv.append("c").append(c).append(',');
        }
        csv.append("label\n");
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 40; c++) {
                csv.append((r * 7 + c * 3) % 11).append(',');
            }
            csv.append(r % 3 == 0 ? "a" : "b").append('\n');
        }
        java.nio.file.Path file = dir.resolve("wide.csv");
        java.nio.file.Files.writeString(file, csv);
        DataFile wide = DataFile.read(file.toString(), "label", io.neuralplayground.data.LabelKind.AUTO, true);
        robot.interact(() -> vm.openData(wide));
        frame(robot, vm);
        robot.interact(() -> graph.layout());
        var top = graph.graphLayout();
        assertThat(top.shape().offered()).hasSize(40);
        assertThat(top.scrollsInputs()).isTrue();
        assertThat(top.firstInput()).isZero();

        var below = top.moreBelow();
        robot.moveTo(graph.localToScreen(below.centerX(), below.centerY()));
        assertThat(graph.hoverCard().getText()).startsWith((40 - top.shownInputs()) + " inputs below");
        robot.clickOn(MouseButton.PRIMARY);
        var paged = graph.graphLayout();
        assertThat(paged.firstInput()).as("a page down, one row kept, or to the end")
                .isEqualTo(Math.min(top.shownInputs() - 1, 40 - top.shownInputs()));
        assertThat(paged.input("c0")).isNull();

        var first = paged.input("c" + paged.firstInput());
        robot.moveTo(graph.localToScreen(first.centerX() + 80, first.centerY() + 40));
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        robot.scroll(2, javafx.geometry.VerticalDirection.DOWN);
        int afterWheel = graph.graphLayout().firstInput();
        assertThat(afterWheel).as("the wheel moves the column, within its inputs").isBetween(0,
                40 - paged.shownInputs());

        // Switching an input off keeps the column where it is.
        String shown = "c" + graph.graphLayout().firstInput();
        var box = graph.graphLayout().input(shown);
        robot.clickOn(graph.localToScreen(box.centerX(), box.centerY()));
        frame(robot, vm);
        robot.interact(() -> graph.layout());
        assertThat(vm.snapshotProperty().get().features().names()).hasSize(39).doesNotContain(shown);
        assertThat(graph.graphLayout().firstInput()).isEqualTo(afterWheel);
    }
}
