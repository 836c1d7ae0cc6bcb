package io.neuralplayground.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header and the first rows of a CSV file, as text ({@link CsvDatasetReader#preview}), and what they suggest
 * before the whole file is read: which column is the label, which columns are numbers, and what
 * {@link LabelKind#AUTO} will make of the labels. Suggestions from a few rows can be wrong about the rest of the
 * file; reading all of it decides, and says where a row does not fit.
 *
 * @param source  the file's path as given, which messages name
 * @param columns the column names, in the file's order
 * @param rows    the rows read, each with one value per column
 * @param lines   each row's line in the file (1-based), for messages
 * @param complete whether these are all the file's rows
 */
public record CsvPreview(String source, List<String> columns, List<List<String>> rows, List<Integer> lines,
        boolean complete) {
    /**
     * Names a label column usually has, in the order they win: a file with both a {@code label} and a
     * {@code class} column is labelled by {@code label}. Matched up to case.
     */
    public static final List<String> LABEL_NAMES = List.of("label", "class", "target", "species", "y");

    /** A value of the file and where it is. */
    public record Cell(int line, String column, String value) {
    }

    public CsvPreview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        lines = List.copyOf(lines);
        if (rows.size() != lines.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + lines.size() + " lines");
        }
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " values for " + columns.size()
                        + " columns");
            }
        }
    }

    /** Column {@code c}'s values in the rows read, in order. */
    public List<String> values(int c) {
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(row.get(c));
        }
        return values;
    }

    /**
     * Whether column {@code c} holds numbers: every value read that is not blank is a number to the reader (NaN and
     * infinities included, which the reader then refuses with their line), and at least one is not blank. A blank
     * value does not make a column text: reading it as an input says where the value is missing.
     */
    public boolean isNumeric(int c) {
        boolean any = false;
        for (List<String> row : rows) {
            String value = row.get(c);
            if (value.isBlank()) {
                continue;
            }
            if (!CsvDatasetReader.looksNumeric(value)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The first value of column {@code c} that is not a number (blank ones left aside), if there is one. */
    public Optional<Cell> firstNonNumber(int c) {
        for (int r = 0; r < rows.size(); r++) {
            String value = rows.get(r).get(c);
            if (!value.isBlank() && !CsvDatasetReader.looksNumeric(value)) {
                return Optional.of(new Cell(lines.get(r), columns.get(c), value));
            }
        }
        return Optional.empty();
    }

    /**
     * The column that most likely holds the labels: the first of {@link #LABEL_NAMES} the file has a column of
     * (up to case), otherwise the last column that is not {@link #isNumeric numeric}, otherwise the last column.
     */
    public int suggestedLabelColumn() {
        for (String name : LABEL_NAMES) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).toLowerCase(Locale.ROOT).equals(name)) {
                    return c;
                }
            }
        }
        for (int c = columns.size() - 1; c >= 0; c--) {
            if (!isNumeric(c)) {
                return c;
            }
        }
        return columns.size() - 1;
    }

    /**
     * What {@link LabelKind#AUTO} makes of column {@code c} as the label, judged on the rows read by the reader's
     * own rule ({@link CsvDatasetReader#autoTask}); blank values left aside.
     */
    public Task autoTask(int c) {
        return CsvDatasetReader.autoTask(values(c).stream().filter(v -> !v.isBlank()).toList());
    }
}
