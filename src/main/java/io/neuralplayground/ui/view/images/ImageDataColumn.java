package io.neuralplayground.ui.view.images;

import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.session.images.ImageSettings;
import io.neuralplayground.ui.viewmodel.images.ImageDownloader;
import io.neuralplayground.ui.viewmodel.images.ImageSourceNames;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The left column: which images (the dataset chooser, a folder of one's own, where they come from, the read's
 * progress and what went wrong), the share kept for validation, and the hidden layers (how many, their units and
 * activations) with the network's shape.
 */
final class ImageDataColumn extends VBox {
    private final ImagesViewModel vm;
    private final ComboBox<ImageSource> dataset = new ComboBox<>();
    private final GridPane layers = new GridPane();
    private final Label shape = new Label();
    private final Label error = new Label();
    private boolean choosing;

    /** @param openFolder what the Folder… button does (File ▸ Open images…) */
    ImageDataColumn(ImagesViewModel vm, Runnable openFolder) {
        this.vm = vm;
        getStyleClass().add("image-data-column");
        setSpacing(8);
        setMinWidth(200);
        setPrefWidth(224);
        setMaxWidth(240);

        Label data = new Label("DATA");
        data.getStyleClass().add("column-title");
        dataset.getStyleClass().add("dataset-choice");
        dataset.setItems(vm.sources());
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setFocusTraversable(false);
        dataset.setTooltip(new Tooltip("Which images to train on: the whole Fashion-MNIST where it is installed, "
                + "the small subset bundled with the application, or a folder of your own (File ▸ Open images…)"));
        dataset.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImageSource source) {
                return source == null ? "" : ImageSourceNames.shortName(source);
            }

            @Override
            public ImageSource fromString(String s) {
                return null;
            }
        });
        dataset.valueProperty().addListener((o, was, now) -> {
            if (!choosing && now != null && now != vm.sourceProperty().get() && now != vm.readingProperty().get()) {
                vm.open(now);
            }
        });
        Runnable showChoice = () -> {
            choosing = true;
            ImageSource s = vm.readingProperty().get() != null ? vm.readingProperty().get() : vm.sourceProperty().get();
            dataset.setValue(s);
            choosing = false;
        };
        vm.sourceProperty().addListener(o -> showChoice.run());
        vm.readingProperty().addListener(o -> showChoice.run());

        Button folder = new Button("Folder…");
        folder.setFocusTraversable(false);
        folder.setTooltip(new Tooltip("Open a folder with the four IDX files of MNIST or Fashion-MNIST "
                + "(train-images-idx3-ubyte … t10k-labels-idx1-ubyte, plain or .gz): File ▸ Open images…"));
        folder.setOnAction(e -> openFolder.run());
        Button download = new Button("Download…");
        download.setFocusTraversable(false);
        ProgressBar downloadBar = new ProgressBar();
        Label downloadText = new Label();
        downloadText.getStyleClass().add("field-label");
        downloadText.setWrapText(true);
        ImageDownloader downloader = vm.downloader();
        if (downloader == null) {
            download.setDisable(true);
            downloadBar.setVisible(false);
        } else {
            download.setTooltip(new Tooltip("Download the whole Fashion-MNIST (60,000 + 10,000 images, 30 MB) from "
                    + "its official address into " + downloader.folder() + ", each file checked against its "
                    + "published MD5; a broken-off download resumes"));
            download.textProperty().bind(Bindings.when(downloader.downloadingProperty()).then("Cancel")
                    .otherwise("Download…"));
            download.setOnAction(e -> {
                if (downloader.downloadingProperty().get()) {
                    downloader.cancel();
                } else {
                    downloader.start();
                }
            });
            downloadBar.progressProperty().bind(downloader.fractionProperty());
            downloadBar.visibleProperty().bind(downloader.downloadingProperty());
            downloadText.textProperty().bind(downloader.textProperty());
        }
        downloadBar.setMaxWidth(Double.MAX_VALUE);
        downloadBar.managedProperty().bind(downloadBar.visibleProperty());
        downloadText.visibleProperty().bind(downloadText.textProperty().isNotEmpty());
        downloadText.managedProperty().bind(downloadText.visibleProperty());
        HBox buttons = new HBox(6, folder, download);

        Label description = new Label();
        description.getStyleClass().add("field-label");
        description.setWrapText(true);
        description.textProperty().bind(Bindings.createStringBinding(() -> {
            ImageData d = vm.dataProperty().get();
            ImageSource reading = vm.readingProperty().get();
            if (reading != null) {
                return "Reading " + reading.description() + "…";
            }
            if (d == null) {
                return "";
            }
            return String.format(Locale.ROOT, "%s: %,d training and %,d test images of %d × %d pixels, %d classes",
                    d.source().description(), d.train().size(), d.test().size(), d.rows(), d.cols(),
                    d.classNames().size());
        }, vm.dataProperty(), vm.readingProperty()));
        ProgressBar reading = new ProgressBar();
        reading.setMaxWidth(Double.MAX_VALUE);
        reading.progressProperty().bind(vm.readProgressProperty());
        reading.visibleProperty().bind(vm.readingProperty().isNotNull());
        reading.managedProperty().bind(reading.visibleProperty());
        reading.setTooltip(new Tooltip("Reading the four image files"));
        error.getStyleClass().add("image-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ComboBox<Double> validation = ImageTopBar.combo(ImagesViewModel.VALIDATION_SHARES,
                ImageSettings::validationShare, vm::setValidationShare,
                v -> String.format(Locale.ROOT, "%.0f %%", 100 * v), vm,
                "The share of the training images kept apart to watch for overfitting; never trained on "
                        + "(a new share starts a new network)");
        VBox validationField = ImageTopBar.field("Validation share", validation);
        ComboBox<Integer> stopping = ImageTopBar.combo(ImagesViewModel.EARLY_STOPPING_PATIENCES,
                s -> s.earlyStopping() == null ? 0 : s.earlyStopping().patience(), vm::setEarlyStoppingPatience,
                p -> p == 0 ? "Off" : "val_loss, patience " + p, vm,
                "Keras' EarlyStopping: stop when the validation loss has not improved for this many epochs and go "
                        + "back to the best epoch's weights; changes while training");
        VBox stoppingField = ImageTopBar.field("Early stopping", stopping);

        Label hidden = new Label("HIDDEN LAYERS");
        hidden.getStyleClass().add("column-title");
        Button add = layerButton("+", "Add a hidden layer (a new network)", vm::addLayer);
        Button remove = layerButton("−", "Remove the last hidden layer (a new network)", vm::removeLayer);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox hiddenTitle = new HBox(6, hidden, gap, add, remove);
        hiddenTitle.setAlignment(Pos.CENTER_LEFT);
        layers.setHgap(6);
        layers.setVgap(4);
        shape.getStyleClass().add("field-label");
        shape.setWrapText(true);
        vm.settingsProperty().addListener((o, was, now) -> {
            if (was == null || !was.hidden().equals(now.hidden()) || !was.activations().equals(now.activations())) {
                showLayers(now);
            }
        });
        vm.dataProperty().addListener(o -> showLayers(vm.settings()));
        showLayers(vm.settings());
        getChildren().addAll(data, dataset, buttons, downloadBar, downloadText, description, reading, error,
                validationField, stoppingField, hiddenTitle, layers, shape);
    }

    private static Button layerButton(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("layer-button");
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    private void showLayers(ImageSettings s) {
        layers.getChildren().clear();
        for (int l = 0; l < s.hidden().size(); l++) {
            int layer = l;
            Label name = new Label("Layer " + (l + 1));
            name.getStyleClass().add("field-label");
            ComboBox<Integer> units = ImageTopBar.combo(ImagesViewModel.UNITS, x -> x.hidden().get(layer),
                    u -> vm.setUnits(layer, u), String::valueOf, vm, "Units of hidden layer " + (l + 1)
                            + " (a new network)");
            ComboBox<Activation> activation = ImageTopBar.combo(ImagesViewModel.ACTIVATIONS,
                    x -> x.activations().get(layer), a -> vm.setActivation(layer, a), Activation::kerasName, vm,
                    "Activation of hidden layer " + (l + 1) + " (a new network)");
            layers.addRow(l, name, units, activation);
        }
        ImageData d = vm.dataProperty().get();
        int inputs = d == null ? 784 : d.rows() * d.cols();
        int outputs = d == null ? 10 : d.classNames().size();
        StringBuilder text = new StringBuilder().append(inputs);
        long parameters = 0;
        int before = inputs;
        for (int width : s.hidden()) {
            text.append(" → ").append(width);
            parameters += (long) before * width + width;
            before = width;
        }
        parameters += (long) before * outputs + outputs;
        text.append(" → ").append(outputs).append(" softmax");
        shape.setText(String.format(Locale.ROOT, "%s · %,d parameters%s", text, parameters,
                s.hidden().isEmpty() ? " (no hidden layer: logistic regression on the pixels)" : ""));
    }

    ComboBox<ImageSource> datasetChoice() {
        return dataset;
    }

    Label errorLabel() {
        return error;
    }
}
