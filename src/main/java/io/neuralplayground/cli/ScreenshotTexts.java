package io.neuralplayground.cli;

import java.util.ListResourceBundle;

/**
 * The screenshot command's own wording of shared options: there they serve the teaching views only, and the help
 * says so. Public because {@link java.util.ResourceBundle} instantiates it by reflection.
 */
public final class ScreenshotTexts extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"example.input", "stepper, gradcheck: the example's input, comma-separated; examples separated by ';'."},
            {"example.target", "stepper, gradcheck: the example's target."},
        };
    }
}
