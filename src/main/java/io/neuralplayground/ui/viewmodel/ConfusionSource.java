package io.neuralplayground.ui.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the confusion matrix view shows and where its clicks go: the playground's report on its training and test
 * points, or the image mode's on its test images.
 */
public interface ConfusionSource {
    /** The newest report, or null for regression (no classes). */
    ReadOnlyObjectProperty<ClassReport> classReportProperty();

    /** The cell clicked last, whose examples are picked out elsewhere; null for none. */
    ObjectProperty<ConfusionCell> highlightedCellProperty();

    /** Whether the report has a training part to switch to (the image mode's has the test images only). */
    default boolean reportsTrainingPart() {
        return true;
    }

    /** What a click on a cell does, for its tooltip. */
    default String cellClickMeaning() {
        return "click to mark these examples in the output plot";
    }
}
