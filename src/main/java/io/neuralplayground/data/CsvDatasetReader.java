package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
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
 * what to do. A read that reports its progress can be cancelled; it then throws {@link ReadCancelledException}.
 *
 * <p>{@link #preview(Path, int)} reads only the header and the first rows, as text, for a window to show before the
 * whole file is read.
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

    /**
     * A read with progress checks its cancellation and reports how far it is after this many rows, or sooner once
     * {@link #CHECK_EVERY_BYTES} more bytes have been read (a row may be 16 Mi characters long). Checking every row
     * would cost little more, but the progress callback may post to another thread each time.
     */
    static final int CHECK_EVERY_ROWS = 1000;

    /** See {@link #CHECK_EVERY_ROWS}. */
    static final long CHECK_EVERY_BYTES = 1 << 20;

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
        return read(file, labelColumn, kind, null, fraction -> { }, () -> false);
    }

    /**
     * Reads {@code file} as {@link #read(Path, String, LabelKind)} does, but only the input columns named in
     * {@code inputColumns}, and with progress and cancellation: every {@value #CHECK_EVERY_ROWS} rows (or
     * {@value #CHECK_EVERY_BYTES} bytes) it asks {@code cancelled} whether to stop and tells {@code progress} the
     * fraction of the file's bytes read so far. The fractions never decrease and the last one, once the dataset is
     * complete, is 1. Both callbacks run on the reading thread.
     *
     * <p>Columns not named are skipped unread: they may hold text, or nothing at all, as long as every row has a
     * value for every column of the header.
     *
     * @param inputColumns the input columns' names (exact, or up to case if only one column matches); the dataset
     *     has them in the file's order. Null means every column but the label column
     * @throws ReadCancelledException once {@code cancelled} says so; no dataset, not even a part of one, is kept
     * @throws PlaygroundException if the file cannot be read or its content is not usable, among it an input column
     *     that is not in the file, the label column named as an input too, or an empty {@code inputColumns}
     */
    public static Dataset read(Path file, String labelColumn, LabelKind kind, List<String> inputColumns,
            DoubleConsumer progress, BooleanSupplier cancelled) {
        String source = file.toString();
        return withFile(file, (in, size) -> {
            Watch watch = new Watch(source, in::count, size, progress, cancelled);
            Dataset data = parse(tokenizer(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())), source,
                    fileName(file), labelColumn, kind, inputColumns, watch);
            watch.finished();
            return data;
        });
    }

    /**
     * The header and the first {@code maxRows} rows of {@code file}, as text, without reading further. The rows
     * are checked as the reader checks them (quotes, one value per column); their values are not.
     *
     * @throws PlaygroundException if the file cannot be read, its header is not usable, it has no data rows, or
     *     one of the rows read is not well formed
     */
    public static CsvPreview preview(Path file, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("a preview needs at least one row, not " + maxRows);
        }
        String source = file.toString();
        return withFile(file, (in, size) -> {
            CsvTokenizer tokenizer = tokenizer(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
            CsvTokenizer.Record header = header(tokenizer, source);
            List<String> columns = columnNames(header, source);
            List<List<String>> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            CsvTokenizer.Record record = next(tokenizer, source, columns);
            for (; record != null && rows.size() < maxRows; record = next(tokenizer, source, columns)) {
                checkWidth(record, columns, source);
                rows.add(record.fields());
                lines.add(record.line());
            }
            if (rows.isEmpty()) {
                throw noDataRows(source, header.line());
            }
            return new CsvPreview(source, columns, rows, lines, record == null);
        });
    }

    /** What is done with an open file: its bytes as a stream that counts them, and its size then. */
    @FunctionalInterface
    private interface FileWork<T> {
        T apply(CountingInputStream in, long size) throws IOException;
    }

    /** {@code work} on {@code file}'s bytes, with what can go wrong in opening and reading it said for the user. */
    private static <T> T withFile(Path file, FileWork<T> work) {
        String source = file.toString();
        // The decoder refuses bytes that are not UTF-8 rather than replacing them (newDecoder() reports them, as
        // Files.newBufferedReader does); it decodes ahead of the tokenizer, so the line it fails on is not known.
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file))) {
            return work.apply(in, Files.size(file));
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

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * Reads CSV text from {@code in} (not closed); {@code sourceName} names it in messages and names the dataset.
     *
     * @see #read(Path, String, LabelKind)
     */
    public static Dataset read(Reader in, String sourceName, String labelColumn, LabelKind kind) {
        try {
            return parse(tokenizer(in), sourceName, sourceName, labelColumn, kind, null, null);
        } catch (IOException e) {
            throw new PlaygroundException("Data " + sourceName + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static CsvTokenizer tokenizer(Reader in) {
        return new CsvTokenizer(in, MAX_INPUT_COLUMNS + 1, MAX_ROW_CHARS);
    }

    /** @param watch checks for cancellation and reports progress, or null for a read that does neither */
    private static Dataset parse(CsvTokenizer tokenizer, String source, String name, String labelColumn,
            LabelKind kind, List<String> inputColumns, Watch watch) throws IOException {
        CsvTokenizer.Record header = header(tokenizer, source);
        List<String> columns = columnNames(header, source);
        int label = labelIndex(columns, labelColumn, header.line(), source);
        if (columns.size() == 1) {
            throw new DataFileException(source, header.line(), columns.get(0), "the label column is the only column: "
                    + "add at least one numeric input column");
        }
        boolean[] input = inputs(columns, label, inputColumns, header.line(), source);
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (input[c]) {
                featureNames.add(columns.get(c));
            }
        }

        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvTokenizer.Record record = next(tokenizer, source, columns); record != null;
                record = next(tokenizer, source, columns)) {
            checkWidth(record, columns, source);
            double[] row = new double[featureNames.size()];
            int f = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (c != label && !input[c]) {
                    continue;
                }
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
            if (watch != null) {
                watch.row();
            }
        }
        if (rows.isEmpty()) {
            throw noDataRows(source, header.line());
        }
        double[][] table = rows.toArray(new double[0][]);
        return labelled(name, featureNames, table, labels, lines, columns.get(label), source, kind);
    }

    private static CsvTokenizer.Record header(CsvTokenizer tokenizer, String source) throws IOException {
        CsvTokenizer.Record header = next(tokenizer, source, null);
        if (header == null) {
            throw new DataFileException(source, 0, null, "the file is empty: it needs a header row of column names, "
                    + "then one row per example");
        }
        return header;
    }

    private static DataFileException noDataRows(String source, int headerLine) {
        return new DataFileException(source, headerLine, null, "the file has a header row but no data rows: "
                + "add one row per example");
    }

    /** Which columns are read as inputs: those named, or every column but the label when none are. */
    private static boolean[] inputs(List<String> columns, int label, List<String> inputColumns, int line,
            String source) {
        boolean[] input = new boolean[columns.size()];
        if (inputColumns == null) {
            Arrays.fill(input, true);
            input[label] = false;
            return input;
        }
        if (inputColumns.isEmpty()) {
            throw new DataFileException(source, line, null, "no input column is chosen: choose at least one of the "
                    + "columns " + NameLists.forMessage(without(columns, label)));
        }
        // Each name's index by one map, not a pass over the header per name: a wide file may name every column.
        Map<String, Integer> exact = new HashMap<>();
        for (int c = columns.size() - 1; c >= 0; c--) {
            exact.put(columns.get(c), c);
        }
        for (String wanted : inputColumns) {
            Integer found = exact.get(wanted.trim());
            int c = found != null ? found : Dataset.findColumn(columns, wanted.trim());
            if (c < 0) {
                throw new DataFileException(source, line, null, "there is no input column named '" + wanted
                        + "': choose among the columns " + NameLists.forMessage(without(columns, label)));
            }
            if (c == label) {
                throw new DataFileException(source, line, columns.get(c), "this is the label column, so it cannot be "
                        + "an input column as well: leave it out of the inputs, or choose another label column");
            }
            input[c] = true;
        }
        return input;
    }

    private static List<String> without(List<String> columns, int index) {
        List<String> rest = new ArrayList<>(columns);
        rest.remove(index);
        return rest;
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
            String control = InputNames.controlCharacterProblem(column);
            if (control != null) {
                throw new DataFileException(source, header.line(), null, "the name of column " + (c + 1) + " "
                        + control);
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

    /**
     * Whether the reader takes {@code text} for a number, finite or not: a column of such values is an input column
     * the reader can read, or whose NaN or infinity it refuses with the line and column.
     */
    static boolean looksNumeric(String text) {
        String value = text.trim();
        return NUMBER.matcher(value).matches() || NON_FINITE.matcher(value).matches();
    }

    /**
     * What {@link LabelKind#AUTO} makes of these labels, the rule the reader follows: {@link Task#CLASSIFICATION}
     * if any label is not a finite number, or if every label is an integer and there are at most
     * {@value #MAX_AUTO_CLASSES} distinct ones; {@link Task#REGRESSION} otherwise. No labels at all count as classes.
     * A window can guess from a file's first rows what reading all of it will decide.
     */
    public static Task autoTask(List<String> labels) {
        double[] numbers = new double[labels.size()];
        for (int r = 0; r < numbers.length; r++) {
            String value = labels.get(r).trim();
            double d = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
            if (!Double.isFinite(d)) {
                return Task.CLASSIFICATION;
            }
            numbers[r] = d;
        }
        return fewIntegers(numbers) ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** {@link LabelKind#AUTO}'s rule, on labels that are all numbers ({@code numbers}) or not. */
    private static boolean autoClassification(boolean numeric, double[] numbers) {
        return !numeric || fewIntegers(numbers);
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
            case AUTO -> autoClassification(numeric, numbers);
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

    /**
     * A read's progress and cancellation, looked at every {@link #CHECK_EVERY_ROWS} rows or {@link #CHECK_EVERY_BYTES}
     * bytes. The bytes counted run ahead of the rows parsed by the decoder's and the tokenizer's buffers (a few
     * hundred kilobytes at most), so a fraction is a little ahead too, and 1 is said only once the dataset is made.
     */
    private static final class Watch {
        private final String source;
        private final LongSupplier bytesRead;
        private final long size;
        private final DoubleConsumer progress;
        private final BooleanSupplier cancelled;
        private int rowsSinceCheck;
        private long bytesAtCheck;
        private double reported;

        Watch(String source, LongSupplier bytesRead, long size, DoubleConsumer progress,
                BooleanSupplier cancelled) {
            this.source = source;
            this.bytesRead = bytesRead;
            this.size = size;
            this.progress = progress;
            this.cancelled = cancelled;
            check();
            progress.accept(0);
        }

        /** After each row: a check now and then. */
        void row() {
            if (++rowsSinceCheck >= CHECK_EVERY_ROWS || bytesRead.getAsLong() - bytesAtCheck >= CHECK_EVERY_BYTES) {
                rowsSinceCheck = 0;
                bytesAtCheck = bytesRead.getAsLong();
                check();
                // A file that grows while it is read could count past its size; short of 1 until the end.
                double fraction = size <= 0 ? 0 : Math.min(Math.nextDown(1.0), (double) bytesAtCheck / size);
                if (fraction > reported) {
                    reported = fraction;
                    progress.accept(fraction);
                }
            }
        }

        /** Once the dataset is made: a last check, then 1. */
        void finished() {
            check();
            progress.accept(1);
        }

        private void check() {
            if (cancelled.getAsBoolean()) {
                throw new ReadCancelledException(source);
            }
        }
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
