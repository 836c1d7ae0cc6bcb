package io.neuralplayground.ui.view.images;

import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import io.neuralplayground.ui.viewmodel.images.TestImageBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The test images with the network's predictions: filters (only mistakes, one true class), paging, the grid, and
 * beside it the selected image's class probabilities.
 */
final class TestImagesPanel extends VBox {
    private final TestImageBrowser browser;
    private final TestImageGrid grid;
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Label selection = new Label();
    private final ComboBox<String> classChoice = new ComboBox<>();
    private final CheckBox mistakes = new CheckBox("Only mistakes");

    TestImagesPanel(ImagesViewModel vm) {
        this.browser = vm.browser();
        this.grid = new TestImageGrid(browser);
        getStyleClass().add("test-images");
        setSpacing(6);

        mistakes.selectedProperty().bindBidirectional(browser.onlyMistakesProperty());
        mistakes.setTooltip(new Tooltip("Show only the test images the network gets wrong (framed in red)"));
        mistakes.setFocusTraversable(false);
        classChoice.setTooltip(new Tooltip("Show only the test images of one true class"));
        classChoice.getStyleClass().add("top-combo");
        classChoice.setFocusTraversable(false);
        classChoice.valueProperty().addListener((o, was, now) -> {
            int k = classChoice.getItems().indexOf(now);
            browser.classFilterProperty().set(k <= 0 ? TestImageBrowser.ALL_CLASSES : k - 1);
        });
        vm.dataProperty().addListener((o, was, now) -> fillClasses(now));
        fillClasses(vm.dataProperty().get());

        Button previous = new Button("‹");
        previous.setTooltip(new Tooltip("The previous page of test images"));
        previous.setOnAction(e -> browser.previousPage());
        previous.disableProperty().bind(browser.pageProperty().lessThanOrEqualTo(0));
        Button next = new Button("›");
        next.setTooltip(new Tooltip("The next page of test images"));
        next.setOnAction(e -> browser.nextPage());
        next.disableProperty().bind(browser.pageProperty().greaterThanOrEqualTo(
                browser.pageCountProperty().subtract(1)));
        for (Button b : List.of(previous, next)) {
            b.getStyleClass().add("page-button");
            b.setFocusTraversable(false);
        }
        Label pageText = new Label();
        pageText.getStyleClass().add("field-label");
        pageText.setMinWidth(Region.USE_PREF_SIZE);
        pageText.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "page %d of %d · %,d images", browser.pageProperty().get() + 1, browser.pageCountProperty().get(),
                browser.matchingCountProperty().get()), browser.pageProperty(), browser.pageCountProperty(),
                browser.matchingCountProperty()));
        mistakes.setMinWidth(Region.USE_PREF_SIZE);
        classChoice.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filters = new HBox(8, mistakes, classChoice, gap, previous, pageText, next);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("test-image-filters");

        selection.getStyleClass().add("field-label");
        selection.setWrapText(true);
        VBox side = new VBox(4, selection, bars);
        side.getStyleClass().add("probability-column");
        side.setMinWidth(170);
        side.setPrefWidth(200);
        side.setMaxWidth(260);
        Tooltip.install(bars, new Tooltip("The network's probability of each class for the selected image "
                + "(blue: its prediction; orange: the true class, when the prediction is wrong)"));
        HBox.setHgrow(grid, Priority.ALWAYS);
        HBox body = new HBox(10, grid, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(filters, body);
        browser.versionProperty().addListener(o -> showSelection());
        Tooltip.install(grid, new Tooltip("Test images: the prediction in bold, the true class under it; a red frame "
                + "is a mistake. Click an image to see its ten probabilities."));
        showSelection();
    }

    private void fillClasses(ImageData data) {
        List<String> items = new ArrayList<>();
        items.add("All classes");
        if (data != null) {
            items.addAll(data.classNames());
        }
        classChoice.getItems().setAll(items);
        classChoice.setValue(items.get(0));
    }

    private void showSelection() {
        int image = browser.selectedProperty().get();
        float[] p = browser.selectedProbabilities();
        if (image < 0 || browser.images() == null) {
            selection.setText("Click a test image to see its class probabilities.");
            bars.show(List.of(), null, -1, "");
            return;
        }
        List<String> names = browser.images().classNames();
        int truth = browser.images().label(image);
        int predicted = browser.predicted(image);
        selection.setText(String.format(Locale.ROOT, "Test image %,d: %s, predicted %s", image, names.get(truth),
                predicted < 0 ? "–" : names.get(predicted)));
        bars.show(names, p, truth, "");
    }

    TestImageGrid grid() {
        return grid;
    }

    ProbabilityBars bars() {
        return bars;
    }

    CheckBox mistakesToggle() {
        return mistakes;
    }

    ComboBox<String> classChoice() {
        return classChoice;
    }
}
