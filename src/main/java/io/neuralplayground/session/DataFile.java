package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.LabelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The playground's own data: examples read from a CSV file, and how they were read and are used.
 *
 * @param source       the file's path, or {@code example:NAME} for one of the examples that ship in the
 *                     application ({@code example:iris.csv}, {@code example:two-moons.csv},
 *                     {@code example:breast-cancer.csv})
 * @param labelColumn  the label column's name
 * @param labelKind    how the labels were read
 * @param columns      the input columns switched on, in the file's order; at least one
 * @param standardize  whether inputs are z-scored with the training part's means and standard deviations
 * @param dataset      the examples as read, every column, raw
 */
public record DataFile(String source, String labelColumn, LabelKind labelKind, List<String> columns,
        boolean standardize, Dataset dataset) {
    /** What a source naming a bundled example starts with. */
    public static final String EXAMPLE = "example:";

    public DataFile {
        Objects.requireNonNull(source);
        Objects.requireNonNull(labelColumn);
        Objects.requireNonNull(labelKind);
        Objects.requireNonNull(dataset);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no input column is switched on");
        }
        for (String c : columns) {
            if (!dataset.hasColumn(c)) {
                throw new IllegalArgumentException("the data has no column '" + c + "'");
            }
        }
    }

    /**
     * Reads {@code source} (a path, or {@code example:NAME}) with every input column on.
     *
     * @throws PlaygroundException naming the file, and the line and column of a problem in it
     */
    public static DataFile read(String source, String labelColumn, LabelKind kind, boolean standardize) {
        Dataset data = readDataset(source, labelColumn, kind);
        return new DataFile(source, labelColumn, kind, data.columnNames(), standardize, data);
    }

    /** One of the bundled examples, every column on, standardized. */
    public static DataFile example(String fileName, String labelColumn) {
        return read(EXAMPLE + fileName, labelColumn, LabelKind.AUTO, true);
    }

    private static Dataset readDataset(String source, String labelColumn, LabelKind kind) {
        if (!source.startsWith(EXAMPLE)) {
            return CsvDatasetReader.read(Path.of(source), labelColumn, kind);
        }
        String name = source.substring(EXAMPLE.length());
        InputStream in = DataFile.class.getResourceAsStream("/datasets/" + name);
        if (in == null || name.contains("/")) {
            throw new PlaygroundException("There is no example data named '" + name + "'");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvDatasetReader.read(reader, name, labelColumn, kind);
        } catch (IOException e) {
            throw new PlaygroundException("The example " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The same data with {@code on} as the input columns switched on (put in the file's order). */
    public DataFile withColumns(List<String> on) {
        List<String> ordered = dataset.columnNames().stream().filter(on::contains).toList();
        return new DataFile(source, labelColumn, labelKind, ordered, standardize, dataset);
    }

    public DataFile withStandardize(boolean value) {
        return new DataFile(source, labelColumn, labelKind, columns, value, dataset);
    }

    /** The number of classes, 0 for regression. */
    public int classes() {
        return dataset.isClassification() ? dataset.classCount() : 0;
    }

    /** The name the window shows: the file's name. */
    public String displayName() {
        String name = source.startsWith(EXAMPLE) ? source.substring(EXAMPLE.length()) : source;
        Path fileName = Path.of(name).getFileName();
        return fileName == null ? name : fileName.toString();
    }

    /**
     * The same source read the same way and used the same way, the same number of examples and classes: two
     * reads of one file are equal (also when one read only the columns switched on, as the Open data dialog
     * does), which is what a session that saved the file's path and options promises.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DataFile d && source.equals(d.source) && labelColumn.equals(d.labelColumn)
                && labelKind == d.labelKind && columns.equals(d.columns) && standardize == d.standardize
                && dataset.size() == d.dataset.size() && dataset.classNames().equals(d.dataset.classNames());
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, labelColumn, labelKind, columns, standardize, dataset.size());
    }

    @Override
    public String toString() {
        return "DataFile[" + source + ", label " + labelColumn + ", " + columns.size() + " of "
                + dataset.columnCount() + " columns" + (standardize ? ", standardized" : "") + "]";
    }
}
