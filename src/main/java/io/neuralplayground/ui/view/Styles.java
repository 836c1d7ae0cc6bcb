package io.neuralplayground.ui.view;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;

/** Where the views' style sheet is, and how a scene takes it. */
public final class Styles {
    /** The output column's and data column's style sheet, a classpath resource. */
    public static final String OUTPUT_CSS = "/css/output.css";

    private Styles() {
    }

    /** The style sheet's URL, as {@code Scene.getStylesheets()} wants it. */
    public static String outputCss() {
        URL url = Objects.requireNonNull(Styles.class.getResource(OUTPUT_CSS), OUTPUT_CSS + " is missing");
        return url.toExternalForm();
    }

    /** Adds the views' style sheet to {@code scene} (once). */
    public static void apply(Scene scene) {
        String css = outputCss();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
