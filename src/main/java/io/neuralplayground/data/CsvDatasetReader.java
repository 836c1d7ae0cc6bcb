package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a data file in CSV form into a {@link Dataset}: a header row of column names, then one example per row;
 * every column but the label column is a numeric input column.
 *
 * <p>Format: UTF-8, comma-separated, fields optionally double-quoted with {@code ""} for a quote (see
 * {@link CsvTokenizer}); spaces around values are ignored, and so are blank lines. Numbers are decimal, with an
 * optional exponent ({@code -1.5e-3}); NaN and infinities are refused, since one of them would turn every loss
 * into NaN.
 *
 * <p>Labels, with {@link LabelKind#AUTO}: any non-numeric label makes a classification dataset; numeric labels that
 * are all integers with at most {@value #MAX_AUTO_CLASSES} distinct values do too; other numeric labels make a
 * regression dataset. Classes are ordered numerically when every label is a number (so −1 is class 0 and 1 is
 * class 1, as in TF Playground) and by {@link String#compareTo} otherwise.
 *
 * <p>Limits: at most {@value #MAX_INPUT_COLUMNS} input columns besides the label column, and at most
 * {@value #MAX_ROW_CHARS} characters in one row. The text is read row by row, so a file beyond them is refused at
 * the row that breaks them (a header that is too wide before any data row is read) and never held in memory whole.
 *
 * <p>Nothing is half-loaded: a call returns a complete dataset or throws a {@link PlaygroundException} (a
 * {@link DataFileException} when the content is at fault) whose message names the file, line and column and says
 * what to do.
 */
public final class CsvDatasetReader {
    /** Integer labels with at most this many distinct values are read as classes under {@link LabelKind#AUTO}. */
    public static final int MAX_AUTO_CLASSES = 10;

    /** More classes than this is almost certainly a wrong label column (an id, a measurement). */
    public static final int MAX_CLASSES = 1000;

    /**
     * The most input columns a data file may have, besides its label column: as many as the widest input a model
     * file holds (100,000), so a network fed every column can still be saved. The header row is refused as soon
     * as it has more, before any data row is read.
     */
    public static final int MAX_INPUT_COLUMNS = 100_000;

    /**
     * The most characters one row may span (16 Mi): room for {@link #MAX_INPUT_COLUMNS} values of 160 characters
     * each, while a file without line breaks, or one where a quote is left open, is refused there rather than
     * read into memory whole.
     */
    public static final int MAX_ROW_CHARS = 1 << 24;

    /** The label column used when none is named and the file has a column of this name. */
    public static final String DEFAULT_LABEL_COLUMN = "label";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    private CsvDatasetReader() {
    }

    /** {@link #read(Path, String, LabelKind)} with {@link LabelKind#AUTO}. */
    public static Dataset read(Path file, String labelColumn) {
        return read(file, labelColumn, LabelKind.AUTO);
    }

    /**
     * Reads {@code file}; the dataset is named after the file.
     *
     * @param labelColumn the label column's name (exact, or up to case if only one column matches); null means
     *     the column named {@value #DEFAULT_LABEL_COLUMN} if there is one, otherwise the last column
     * @throws PlaygroundException if the file cannot be read or its content is not usable
     */
    public static Dataset read(Path file, String labelColumn, LabelKind kind) {
        String source = file.toString();
        Path fileName = file.getFileName();
        String name = fileName == null ? source : fileName.toString();
        // newBufferedReader's decoder refuses bytes that are not UTF-8 rather than replacing them; it decodes ahead
        // of the tokenizer, so the line it fails on is not known.
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(tokenizer(in), source, name, labelColumn, kind);
        } catch (NoSuchFileException e) {
            throw new PlaygroundException("Data file " + source + " does not exist: check the path", e);
        } catch (AccessDeniedException e) {
            throw new PlaygroundException("Data file " + source + " cannot be opened (access denied): check its "
                    + "permissions", e);
        } catch (CharacterCodingException e) {
            throw new PlaygroundException("Data file " + source + " is not UTF-8 text: save it as CSV in UTF-8", e);
        } catch (IOException e) {
            throw new PlaygroundException("Data file " + source + " cannot be read (" + e.getMessage()
                    + "): check that it is a readable file", e);
        }
    }

    /**
     * Reads CSV text from {@code in} (not closed); {@code sourceName} names it in messages and names the dataset.
     *
     * @see #read(Path, String, LabelKind)
     */
    public static Dataset read(Reader in, String sourceName, String labelColumn, LabelKind kind) {
        try {
            return parse(tokenizer(in), sourceName, sourceName, labelColumn, kind);
        } catch (IOException e) {
            throw new PlaygroundException("Data " + sourceName + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static CsvTokenizer tokenizer(Reader in) {
        return new CsvTokenizer(in, MAX_INPUT_COLUMNS + 1, MAX_ROW_CHARS);
    }

    private static Dataset parse(CsvTokenizer tokenizer, String source, String name, String labelColumn,
            LabelKind kind) throws IOException {
        CsvTokenizer.Record header = next(tokenizer, source, null);
        if (header == null) {
            throw new DataFileException(source, 0, null, "the file is empty: it needs a header row of column names, "
                    + "then one row per example");
        }
        List<String> columns = columnNames(header, source);
        int label = labelIndex(columns, labelColumn, header.line(), source);
        if (columns.size() == 1) {
            throw new DataFileException(source, header.line(), columns.get(0), "the label column is the only column: "
                    + "add at least one numeric input column");
        }
        List<String> featureNames = new ArrayList<>(columns);
        featureNames.remove(label);

        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvTokenizer.Record record = next(tokenizer, source, columns); record != null;
                record = next(tokenizer, source, columns)) {
            checkWidth(record, columns, source);
            double[] row = new double[featureNames.size()];
            int f = 0;
            for (int c = 0; c < columns.size(); c++) {
                String value = record.fields().get(c);
                if (value.isBlank()) {
                    throw new DataFileException(source, record.line(), columns.get(c), "the value is missing: "
                            + "fill it in or remove the row");
                }
                if (c == label) {
                    labels.add(value);
                } else {
                    row[f++] = number(value, source, record.line(), columns.get(c));
                }
            }
            rows.add(row);
            lines.add(record.line());
        }
        if (rows.isEmpty()) {
            throw new DataFileException(source, header.line(), null, "the file has a header row but no data rows: "
                    + "add one row per example");
        }
        double[][] table = rows.toArray(new double[0][]);
        return labelled(name, featureNames, table, labels, lines, columns.get(label), source, kind);
    }

    /** The next record, with a syntax error turned into a located message. */
    private static CsvTokenizer.Record next(CsvTokenizer tokenizer, String source, List<String> columns)
            throws IOException {
        try {
            return tokenizer.next();
        } catch (CsvTokenizer.SyntaxException e) {
            if (e.field == CsvTokenizer.SyntaxException.WHOLE_RECORD) {
                String problem = !(e instanceof CsvTokenizer.TooManyFields tooMany) ? e.getMessage()
                        : columns == null ? "the header row has more than " + tooMany.maxFields + " columns, but a "
                                + "data file may have at most " + MAX_INPUT_COLUMNS + " input columns besides its label"
                                + " column: keep the columns you need, or reduce the features before reading the file"
                        : "the row has more than " + tooMany.maxFields + " values but the header has "
                                + columns.size() + " columns: give every row one value per column";
                throw new DataFileException(source, e.line, null, problem);
            }
            String column = columns != null && e.field < columns.size() ? columns.get(e.field) : null;
            // In the header there are no column names yet, so the field is counted instead.
            String where = column == null ? "in field " + (e.field + 1) + ", " : "";
            throw new DataFileException(source, e.line, column, where + e.getMessage());
        }
    }

    private static List<String> columnNames(CsvTokenizer.Record header, String source) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.fields().size(); c++) {
            String column = header.fields().get(c).trim();
            if (column.isEmpty()) {
                throw new DataFileException(source, header.line(), null, "column " + (c + 1) + " of the header row "
                        + "has no name: give every column a name (and remove any comma at the end of the line)");
            }
            if (!seen.add(column)) {
                throw new DataFileException(source, header.line(), column, "two columns have this name: "
                        + "give every column its own name");
            }
            columns.add(column);
        }
        return columns;
    }

    private static int labelIndex(List<String> columns, String labelColumn, int line, String source) {
        if (labelColumn == null) {
            int byDefault = columns.indexOf(DEFAULT_LABEL_COLUMN);
            return byDefault >= 0 ? byDefault : columns.size() - 1;
        }
        int found = Dataset.findColumn(columns, labelColumn.trim());
        if (found >= 0) {
            return found;
        }
        throw new DataFileException(source, line, null, "there is no label column named '" + labelColumn
                + "': choose one of the columns " + NameLists.forMessage(columns));
    }

    private static void checkWidth(CsvTokenizer.Record record, List<String> columns, String source) {
        int n = record.fields().size();
        if (n < columns.size()) {
            throw new DataFileException(source, record.line(), columns.get(n), "the value is missing: the row has "
                    + n + (n == 1 ? " value" : " values") + " but the header has " + columns.size()
                    + " columns (" + NameLists.forMessage(columns) + "); give every row one value per column");
        }
        if (n > columns.size()) {
            throw new DataFileException(source, record.line(), null, "the row has " + n + " values but the header has "
                    + columns.size() + " columns (" + NameLists.forMessage(columns) + "): remove the extra values after"
                    + " column '" + columns.get(columns.size() - 1) + "', or quote values that contain commas");
        }
    }

    /** A finite decimal number, or a located error saying what is wrong with it. */
    private static double number(String value, String source, int line, String column) {
        Double parsed = parseNumber(value, source, line, column);
        if (parsed == null) {
            String hint = DECIMAL_COMMA.matcher(value.trim()).matches()
                    ? ": write decimals with a point (1.5, not 1,5)"
                    : ": input columns must hold numbers; remove the column or fix the value";
            throw new DataFileException(source, line, column, "'" + value + "' is not a number" + hint);
        }
        return parsed;
    }

    /** The value as a finite number; null if it is not a number; an error for NaN, infinities and overflow. */
    private static Double parseNumber(String text, String source, int line, String column) {
        // Quoting keeps a class name's spaces, but a number means the same with or without them.
        String value = text.trim();
        if (NON_FINITE.matcher(value).matches()) {
            throw new DataFileException(source, line, column, "'" + value + "' is not a finite number: replace it "
                    + "with a number or remove the row");
        }
        if (!NUMBER.matcher(value).matches()) {
            return null;
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new DataFileException(source, line, column, "'" + value + "' is too large for a number: rescale the "
                    + "column");
        }
        return d;
    }

    private static Dataset labelled(String name, List<String> featureNames, double[][] rows, List<String> labels,
            List<Integer> lines, String labelColumn, String source, LabelKind kind) {
        int n = labels.size();
        double[] numbers = new double[n];
        int firstText = -1;
        for (int r = 0; r < n; r++) {
            Double d = parseNumber(labels.get(r), source, lines.get(r), labelColumn);
            if (d == null) {
                if (firstText < 0) {
                    firstText = r;
                }
            } else {
                // −0 and 0 are the same class.
                numbers[r] = d == 0 ? 0 : d;
            }
        }
        boolean numeric = firstText < 0;
        if (kind == LabelKind.REGRESSION && !numeric) {
            throw new DataFileException(source, lines.get(firstText), labelColumn, "'" + labels.get(firstText)
                    + "' is not a number, but regression needs numeric labels: fix the value, or read the labels "
                    + "as classes");
        }
        boolean classification = switch (kind) {
            case CLASSIFICATION -> true;
            case REGRESSION -> false;
            case AUTO -> !numeric || fewIntegers(numbers);
        };
        if (!classification) {
            return Dataset.regression(name, featureNames, rows, numbers);
        }
        return numeric
                ? classes(name, featureNames, rows, Arrays.stream(numbers).boxed().toList(),
                        Comparator.<Double>naturalOrder(), CsvDatasetReader::className, lines, labelColumn, source)
                : classes(name, featureNames, rows, labels, Comparator.<String>naturalOrder(), s -> s, lines,
                        labelColumn, source);
    }

    private static boolean fewIntegers(double[] numbers) {
        Set<Double> distinct = new HashSet<>();
        for (double d : numbers) {
            if (d != Math.rint(d) || (distinct.add(d) && distinct.size() > MAX_AUTO_CLASSES)) {
                return false;
            }
        }
        return true;
    }

    /** Classes from label keys: sorted by {@code order}, named by {@code naming}, at most {@link #MAX_CLASSES}. */
    private static <K> Dataset classes(String name, List<String> featureNames, double[][] rows, List<K> keys,
            Comparator<K> order, Function<K, String> naming, List<Integer> lines,
            String labelColumn, String source) {
        TreeSet<K> distinct = new TreeSet<>(order);
        for (int r = 0; r < keys.size(); r++) {
            if (distinct.add(keys.get(r)) && distinct.size() > MAX_CLASSES) {
                throw new DataFileException(source, lines.get(r), labelColumn, "more than " + MAX_CLASSES
                        + " different labels (classes) by this line: choose another label column, or read numeric "
                        + "labels as regression");
            }
        }
        if (distinct.size() < 2) {
            throw new DataFileException(source, 0, labelColumn, "every label is '" + naming.apply(distinct.first())
                    + "', but classification needs at least two classes: choose another label column, or add "
                    + "examples of other classes");
        }
        Map<K, Integer> index = new HashMap<>();
        List<String> classNames = new ArrayList<>();
        for (K key : distinct) {
            index.put(key, classNames.size());
            classNames.add(naming.apply(key));
        }
        int[] classIndices = new int[keys.size()];
        for (int r = 0; r < keys.size(); r++) {
            classIndices[r] = index.get(keys.get(r));
        }
        return Dataset.classification(name, featureNames, rows, classIndices, classNames);
    }

    /** A numeric class's name: "-1", "3", "0.5" (no trailing ".0", no exponent for ordinary sizes). */
    static String className(double d) {
        double magnitude = Math.abs(d);
        if (d == 0) {
            return "0";
        }
        if (magnitude >= 1e-6 && magnitude < 1e15) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return Double.toString(d);
    }
}
