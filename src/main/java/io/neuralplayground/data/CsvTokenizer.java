package io.neuralplayground.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180 with leniencies): comma separator; fields optionally in double quotes,
 * where {@code ""} is a quote and commas and line breaks are literal; line breaks {@code \n}, {@code \r\n} or
 * {@code \r}; a leading byte-order mark is dropped. Unquoted fields are trimmed; a quoted field keeps its inner
 * text exactly, only spaces around the quotes are dropped. Blank lines are skipped.
 *
 * <p>The text is read as it is needed, one record at a time, so a file is refused at its first bad record without
 * the rest being read. Two limits bound the memory one record can take, whatever the file holds: at most
 * {@code maxFields} fields, and at most {@code maxRecordChars} characters from a record's first character to its
 * end (a file with no line break, or a quote left open, would otherwise be one record as large as the file).
 */
final class CsvTokenizer {
    /** One record and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** A syntax error at a line in the field with the given 0-based index; the reader adds file and column. */
    static class SyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** {@link #field} of a problem of the whole record rather than of one of its fields. */
        static final int WHOLE_RECORD = -1;
        final int line;
        final int field;

        SyntaxException(int line, int field, String problem) {
            super(problem, null, false, false);
            this.line = line;
            this.field = field;
        }
    }

    /** A record with more than the most fields allowed; the reader says what the limit means for its file. */
    static final class TooManyFields extends SyntaxException {
        private static final long serialVersionUID = 1L;
        final int maxFields;

        TooManyFields(int line, int maxFields) {
            super(line, WHOLE_RECORD, "this row has more than " + maxFields + " values");
            this.maxFields = maxFields;
        }
    }

    private static final int END = -1;
    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader in;
    private final int maxFields;
    private final int maxRecordChars;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder value = new StringBuilder();
    private int pos;
    private int end;
    private int line = 1;
    private int recordLine;
    private int recordChars;
    private boolean started;

    /**
     * @param in the text, read from as records are asked for and never closed here
     * @param maxFields the most fields a record may have
     * @param maxRecordChars the most characters one record may span, its line break included
     */
    CsvTokenizer(Reader in, int maxFields, int maxRecordChars) {
        this.in = in;
        this.maxFields = maxFields;
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * The next non-blank record, or null at the end of the text.
     *
     * @throws SyntaxException for a quote problem or a record beyond the limits
     * @throws IOException if the text cannot be read (a {@link java.nio.charset.CharacterCodingException} for
     *     bytes that are not of the reader's charset)
     */
    Record next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                pos++;
            }
        }
        while (peek() != END) {
            recordLine = line;
            recordChars = 0;
            List<String> fields = new ArrayList<>();
            boolean anyQuoted = false;
            while (true) {
                if (fields.size() == maxFields) {
                    throw new TooManyFields(recordLine, maxFields);
                }
                skipBlanks();
                if (peek() == '"') {
                    fields.add(quoted(fields.size()));
                    anyQuoted = true;
                } else {
                    fields.add(unquoted());
                }
                if (peek() == ',') {
                    advance();
                } else {
                    endOfLine();
                    break;
                }
            }
            boolean blank = !anyQuoted && fields.size() == 1 && fields.get(0).isEmpty();
            if (!blank) {
                // The list is made anew for every record and never touched again: no copy of a wide row needed.
                return new Record(recordLine, Collections.unmodifiableList(fields));
            }
        }
        return null;
    }

    /** The next character without taking it, or {@link #END}. */
    private int peek() throws IOException {
        if (pos == end) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return END;
            }
            pos = 0;
            end = n;
        }
        return buffer[pos];
    }

    /** Takes the character {@link #peek()} showed, counting it against the record's limit. */
    private void advance() {
        pos++;
        if (++recordChars > maxRecordChars) {
            throw new SyntaxException(recordLine, SyntaxException.WHOLE_RECORD, "the row starting on this line is "
                    + "longer than " + maxRecordChars + " characters, the most a row may have: check that this is a "
                    + "CSV file with one example per line (a quote left open makes the rest of the file one value)");
        }
    }

    private void skipBlanks() throws IOException {
        for (int c = peek(); c == ' ' || c == '\t'; c = peek()) {
            advance();
        }
    }

    private String unquoted() throws IOException {
        value.setLength(0);
        for (int c = peek(); c != END && c != ',' && c != '\n' && c != '\r'; c = peek()) {
            value.append((char) c);
            advance();
        }
        return value.toString().trim();
    }

    private String quoted(int field) throws IOException {
        int openLine = line;
        advance();
        value.setLength(0);
        while (true) {
            int c = peek();
            if (c == END) {
                throw new SyntaxException(openLine, field,
                        "a quoted value starts here but its closing quote is missing: add the closing \"");
            }
            advance();
            if (c == '"') {
                if (peek() == '"') {
                    value.append('"');
                    advance();
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            value.append((char) c);
        }
        skipBlanks();
        int c = peek();
        if (c != END && c != ',' && c != '\n' && c != '\r') {
            throw new SyntaxException(line, field, "text follows the closing quote of a quoted value: put the whole "
                    + "value inside the quotes, and write a quote inside quotes as \"\"");
        }
        return value.toString();
    }

    private void endOfLine() throws IOException {
        if (peek() == END) {
            return;
        }
        // Only a line break can end a field that is not followed by a comma.
        if (peek() == '\r') {
            advance();
        }
        if (peek() == '\n') {
            advance();
        }
        line++;
    }
}
