package io.neuralplayground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180 with leniencies): comma separator; fields optionally in double quotes,
 * where {@code ""} is a quote and commas and line breaks are literal; line breaks {@code \n}, {@code \r\n} or
 * {@code \r}; a leading byte-order mark is dropped. Unquoted fields are trimmed; a quoted field keeps its inner
 * text exactly, only spaces around the quotes are dropped. Blank lines are skipped.
 */
final class CsvTokenizer {
    /** One record and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** A syntax error at a line in the field with the given 0-based index; the reader adds file and column. */
    static final class SyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int field;

        SyntaxException(int line, int field, String problem) {
            super(problem, null, false, false);
            this.line = line;
            this.field = field;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    CsvTokenizer(String text) {
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** The next non-blank record, or null at the end of the text. */
    Record next() {
        while (pos < text.length()) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            boolean anyQuoted = false;
            while (true) {
                skipBlanks();
                if (pos < text.length() && text.charAt(pos) == '"') {
                    fields.add(quoted(fields.size()));
                    anyQuoted = true;
                } else {
                    fields.add(unquoted());
                }
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else {
                    endOfLine();
                    break;
                }
            }
            boolean blank = !anyQuoted && fields.size() == 1 && fields.get(0).isEmpty();
            if (!blank) {
                return new Record(startLine, List.copyOf(fields));
            }
        }
        return null;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private String unquoted() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private String quoted(int field) {
        int openLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxException(openLine, field,
                        "a quoted value starts here but its closing quote is missing: add the closing \"");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\n' || (c == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n'))) {
                line++;
            }
            value.append(c);
            pos++;
        }
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            throw new SyntaxException(line, field, "text follows the closing quote of a quoted value: put the whole "
                    + "value inside the quotes, and write a quote inside quotes as \"\"");
        }
        return value.toString();
    }

    private void endOfLine() {
        if (pos >= text.length()) {
            return;
        }
        // Only a line break can end a field that is not followed by a comma.
        if (text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }
}
