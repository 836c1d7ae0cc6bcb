package io.neuralplayground.ui.view.images;

import io.neuralplayground.ui.view.ScrollColumn;
import io.neuralplayground.ui.view.Styles;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Images tab: the top bar (play, progress, optimizer and friends), the data and layers column, and two columns
 * of what the network does: its curves and first-layer weights; the test images, their confusion matrix or a
 * drawing of one's own (TEST IMAGES | CONFUSION MATRIX | DRAW).
 */
public final class ImagesView extends BorderPane {
    /** The tab's own style sheet (resource {@code /css/images.css}). */
    public static final String CSS = "/css/images.css";

    /** What the right-hand column shows. */
    public enum Panel {
        TEST_IMAGES("TEST IMAGES", "The test images with the network's predictions"),
        CONFUSION("CONFUSION MATRIX", "How often each true class (row) is taken for each class (column)"),
        DRAW("DRAW", "Draw a picture and see what the network makes of it");

        private final String title;
        private final String tip;

        Panel(String title, String tip) {
            this.title = title;
            this.tip = tip;
        }
    }

    private final ImagesViewModel vm;
    private final ImageTopBar topBar;
    private final ImageDataColumn dataColumn;
    private final ImageCurvesView curves;
    private final WeightGridView weights;
    private final TestImagesPanel testImages;
    private final io.neuralplayground.ui.view.ConfusionMatrixView confusion;
    private final DrawingPanel drawing;
    private final ToggleGroup panels = new ToggleGroup();
    private final java.util.Map<Panel, ToggleButton> panelButtons = new java.util.EnumMap<>(Panel.class);

    /** @param openFolder what the data column's Folder… button does */
    public ImagesView(ImagesViewModel vm, Runnable openFolder) {
        this.vm = vm;
        this.confusion = new io.neuralplayground.ui.view.ConfusionMatrixView(vm);
        getStyleClass().add("images-tab");
        getStylesheets().add(Styles.stylesheet(CSS));
        topBar = new ImageTopBar(vm);
        dataColumn = new ImageDataColumn(vm, openFolder);
        curves = new ImageCurvesView(vm);
        weights = new WeightGridView(vm);
        testImages = new TestImagesPanel(vm);
        drawing = new DrawingPanel(vm);

        VBox left = new VBox(10, curves, weights);
        left.getStyleClass().add("image-left");
        VBox.setVgrow(curves, Priority.ALWAYS);
        VBox.setVgrow(weights, Priority.ALWAYS);

        HBox choices = new HBox();
        choices.getStyleClass().add("chart-choices");
        choices.setAlignment(Pos.CENTER_LEFT);
        for (Panel panel : Panel.values()) {
            if (!choices.getChildren().isEmpty()) {
                Label bar = new Label("|");
                bar.getStyleClass().add("chart-choice-bar");
                choices.getChildren().add(bar);
            }
            ToggleButton button = new ToggleButton(panel.title);
            button.setToggleGroup(panels);
            button.getStyleClass().addAll("chart-choice", "panel-choice");
            button.setTooltip(new Tooltip(panel.tip));
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setFocusTraversable(false);
            button.setUserData(panel);
            panelButtons.put(panel, button);
            choices.getChildren().add(button);
        }
        StackPane content = new StackPane(testImages, confusion, drawing);
        content.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        panels.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
                return;
            }
            showPanel((Panel) now.getUserData());
        });
        panelButtons.get(Panel.TEST_IMAGES).setSelected(true);
        showPanel(Panel.TEST_IMAGES);
        VBox right = new VBox(8, choices, content);
        right.getStyleClass().add("image-right");

        GridPane center = new GridPane();
        center.getStyleClass().add("image-center");
        ColumnConstraints a = new ColumnConstraints();
        a.setPercentWidth(38);
        a.setHgrow(Priority.ALWAYS);
        ColumnConstraints b = new ColumnConstraints();
        b.setPercentWidth(62);
        b.setHgrow(Priority.ALWAYS);
        center.getColumnConstraints().addAll(a, b);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        center.getRowConstraints().add(row);
        center.add(left, 0, 0);
        center.add(right, 1, 0);
        left.setMinWidth(0);
        right.setMinWidth(0);

        setTop(topBar);
        setLeft(new ScrollColumn(dataColumn, "image-data-scroll", true));
        setCenter(center);

        // A click on a matrix cell shows that cell's test images.
        vm.highlightedCellProperty().addListener((o, was, now) -> {
            if (now != null) {
                showPanel(Panel.TEST_IMAGES);
            }
        });
    }

    /** Shows {@code panel} in the right-hand column. */
    public void showPanel(Panel panel) {
        panelButtons.get(panel).setSelected(true);
        for (Node node : new Node[] {testImages, confusion, drawing}) {
            boolean on = node == switch (panel) {
                case TEST_IMAGES -> testImages;
                case CONFUSION -> confusion;
                case DRAW -> drawing;
            };
            node.setVisible(on);
            node.setManaged(on);
        }
    }

    public Panel shownPanel() {
        return (Panel) panels.getSelectedToggle().getUserData();
    }

    public ImagesViewModel viewModel() {
        return vm;
    }

    TestImagesPanel testImages() {
        return testImages;
    }

    io.neuralplayground.ui.view.ConfusionMatrixView confusion() {
        return confusion;
    }

    DrawingPanel drawing() {
        return drawing;
    }

    WeightGridView weights() {
        return weights;
    }

    ImageCurvesView curves() {
        return curves;
    }

    ImageTopBar topBar() {
        return topBar;
    }

    ImageDataColumn dataColumn() {
        return dataColumn;
    }
}
