package io.neuralplayground.data;

/** How to read a data file's label column. */
public enum LabelKind {
    /**
     * Decide from the values: any non-numeric label means classification; numeric labels that are all integers with
     * at most {@link CsvDatasetReader#MAX_AUTO_CLASSES} distinct values mean classification; otherwise regression.
     * {@link CsvDatasetReader#autoTask} applies the same rule to any labels (a file's first rows, say).
     */
    AUTO,
    /** Every distinct label is a class. */
    CLASSIFICATION,
    /** Labels are numbers to fit. */
    REGRESSION
}
