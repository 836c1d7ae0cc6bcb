package io.neuralplayground.ui.view.images;

import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import io.neuralplayground.ui.viewmodel.images.WeightPicture;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first hidden layer's units as pictures of their 784 weights (orange negative, blue positive), drawn off the
 * FX thread by the view model; here only copied into an image, once per new picture, and scaled to fit.
 */
final class WeightGridView extends VBox {
    private final ImageView view = new ImageView();
    private final Label note = new Label();
    private final Tooltip tip = new Tooltip();
    private WritableImage image;

    WeightGridView(ImagesViewModel vm) {
        getStyleClass().add("weight-grid");
        setSpacing(4);
        Label title = new Label("FIRST-LAYER WEIGHTS");
        title.getStyleClass().add("section-header");
        title.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox shared = new CheckBox("One scale");
        shared.getStyleClass().add("small-check");
        shared.setFocusTraversable(false);
        shared.selectedProperty().bindBidirectional(vm.sharedWeightScaleProperty());
        shared.setTooltip(new Tooltip("On: every picture on the layer's largest |weight|, so that they compare. "
                + "Off: each unit on its own largest |weight|, so that every pattern shows."));
        CheckBox change = new CheckBox("Change since start");
        change.getStyleClass().add("small-check");
        change.setFocusTraversable(false);
        change.selectedProperty().bindBidirectional(vm.weightChangeProperty());
        change.setTooltip(new Tooltip("On: each picture shows how its weights moved since the network's random "
                + "start (w − w₀), which is where the learnt shapes show after a few epochs. Off: the weights "
                + "themselves, the random start included."));
        change.setMinWidth(Region.USE_PREF_SIZE);
        note.getStyleClass().add("field-label");
        note.setMinWidth(Region.USE_PREF_SIZE);
        shared.setMinWidth(Region.USE_PREF_SIZE);
        // The switches follow the title, on a line of their own when the column is narrow (a 1024-wide window).
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(12, 2, title, change, shared);
        top.setAlignment(Pos.CENTER_LEFT);
        // Said only when the layer has more units than are drawn.
        note.managedProperty().bind(note.visibleProperty());

        view.setSmooth(false);
        view.setPreserveRatio(true);
        StackPane holder = new StackPane(view);
        holder.setAlignment(Pos.TOP_LEFT);
        holder.setMinSize(0, 0);
        holder.setPrefSize(300, 150);
        // The picture as large as the room allows, its pixels square and sharp.
        holder.layoutBoundsProperty().addListener((o, was, now) -> fit(now.getWidth(), now.getHeight()));
        VBox.setVgrow(holder, Priority.ALWAYS);
        Tooltip.install(holder, tip);
        getChildren().addAll(top, note, holder);
        vm.weightsProperty().addListener((o, was, now) -> show(now));
        show(vm.weightsProperty().get());
    }

    private void fit(double width, double height) {
        view.setFitWidth(Math.max(1, width));
        view.setFitHeight(Math.max(1, height));
    }

    private void show(WeightPicture picture) {
        if (picture == null) {
            view.setImage(null);
            note.setVisible(false);
            return;
        }
        if (image == null || image.getWidth() != picture.width() || image.getHeight() != picture.height()) {
            image = new WritableImage(picture.width(), picture.height());
        }
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(), PixelFormat.getIntArgbInstance(),
                picture.argb(), 0, picture.width());
        view.setImage(image);
        note.setVisible(picture.units() < picture.totalUnits());
        note.setText(String.format(Locale.ROOT, "The first %d of the layer's %d units", picture.units(),
                picture.totalUnits()));
        tip.setText("Each picture is one unit of the first hidden layer: its weight from each of the "
                + picture.tileRows() * picture.tileCols() + " pixels, orange negative, blue positive, "
                + (picture.sharedScale() ? String.format(Locale.ROOT,
                        "all on one scale (the layer's largest |weight|, %.3g)", picture.maxAbs())
                        : "each scaled by its own largest |weight|")
                + ". Dark orange where ink lowers the unit, dark blue where ink raises it.");
    }

    ImageView imageView() {
        return view;
    }
}
