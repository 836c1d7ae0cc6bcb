package io.neuralplayground.ui.view;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;

/** Where the views' style sheets are, and how a scene takes the output column's. */
public final class Styles {
    /** The output column's and data column's style sheet, a classpath resource. */
    public static final String OUTPUT_CSS = "/css/output.css";

    private Styles() {
    }

    /** The style sheet's URL, as {@code Scene.getStylesheets()} wants it. */
    public static String outputCss() {
        return stylesheet(OUTPUT_CSS);
    }

    /** The URL of the style sheet at class-path resource {@code resource}, as {@code getStylesheets()} wants it. */
    public static String stylesheet(String resource) {
        URL url = Objects.requireNonNull(Styles.class.getResource(resource), resource + " is missing");
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
