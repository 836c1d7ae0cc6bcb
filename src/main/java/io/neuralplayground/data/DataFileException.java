package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;

/**
 * A data file the application cannot use, with where the problem is: the file, the 1-based line and the column
 * (when there is one), and what to do. The message reads "moons.csv, line 7, column 'x2': … ".
 */
public class DataFileException extends PlaygroundException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String column;

    /**
     * @param line 1-based line, or 0 for a problem of the whole file
     * @param column the column's name, or null when the problem is not in one column
     * @param problem what is wrong and what to do
     */
    public DataFileException(String source, int line, String column, String problem) {
        this(source, line, column, problem, null);
    }

    public DataFileException(String source, int line, String column, String problem, Throwable cause) {
        super(location(source, line, column) + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String location(String source, int line, String column) {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(", line ").append(line);
        }
        if (column != null) {
            s.append(", column '").append(column).append('\'');
        }
        return s.toString();
    }

    /** The file's name or path as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 for a problem of the whole file. */
    public int line() {
        return line;
    }

    /** The column's name, or null when the problem is not in one column. */
    public String column() {
        return column;
    }
}
