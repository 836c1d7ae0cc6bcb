package io.neuralplayground.data;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Examples as CSV that {@link CsvDatasetReader} reads back: a header row of the input columns and
 * {@value #LABEL} (and {@value #PART} when both parts are written), then one row per example, numbers in Java's
 * shortest form that reads back to the same double, the label as its class name or its value. A name or class
 * holding a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180).
 *
 * <p>The part column holds {@code train} or {@code test}; a file with it is for looking at, or for reading with
 * the part column removed: the reader takes every column but the label as a number.
 */
public final class DatasetCsvWriter {
    public static final String LABEL = "label";
    public static final String PART = "part";

    /** Which examples go into the file. */
    public enum Parts {
        /** Training and test examples, with a {@value #PART} column saying which. */
        BOTH,
        TRAINING,
        TEST
    }

    private DatasetCsvWriter() {
    }

    /** Writes the examples of {@code split} that {@code parts} names to {@code out} (which is not closed). */
    public static void write(Split split, Parts parts, Writer out) throws IOException {
        Dataset train = split.train();
        List<String> header = new ArrayList<>(train.columnNames());
        String label = unique(LABEL, header);
        header.add(label);
        if (parts == Parts.BOTH) {
            header.add(unique(PART, header));
        }
        line(out, header.stream().map(DatasetCsvWriter::field).toList());
        if (parts != Parts.TEST) {
            rows(out, train, parts == Parts.BOTH ? "train" : null);
        }
        if (parts != Parts.TRAINING) {
            rows(out, split.test(), parts == Parts.BOTH ? "test" : null);
        }
    }

    private static void rows(Writer out, Dataset data, String part) throws IOException {
        List<String> fields = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            fields.clear();
            for (int c = 0; c < data.columnCount(); c++) {
                fields.add(Double.toString(data.value(r, c)));
            }
            fields.add(data.isClassification() ? field(data.classNames().get(data.classIndex(r)))
                    : Double.toString(data.label(r)));
            if (part != null) {
                fields.add(part);
            }
            line(out, fields);
        }
    }

    /** {@code wanted}, or with "_" added until no input column has that name. */
    private static String unique(String wanted, List<String> taken) {
        String name = wanted;
        while (taken.contains(name)) {
            name += "_";
        }
        return name;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        out.write(String.join(",", fields));
        out.write('\n');
    }

    /** A field as CSV: as it is, or quoted when it holds a comma, a quote, a line break or edge spaces. */
    static String field(String text) {
        boolean plain = !text.isEmpty() && text.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n'
                || ch == '\r') && text.strip().equals(text);
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
