package io.neuralplayground.io.numpy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.JsonValues;
import io.neuralplayground.io.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One array in NumPy's {@code .npy} format (version 1.0, as {@code numpy.save} writes it): numbers as little-endian
 * float64, or text as fixed-width UTF-32 strings ({@code <U…}), in one or two dimensions.
 *
 * <p>The file is the magic {@code \x93NUMPY}, the version (1, 0), the length of the header as a little-endian
 * 16-bit number, the header, then the data in C order (row after row). The header is a Python dict literal,
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}, padded with spaces and ended by a newline
 * so that the data starts at a multiple of 64 bytes.
 *
 * <p>{@link #parse Reading} is strict: it takes what this class writes and the variants NumPy itself writes for
 * such arrays (header versions 2.0 and 3.0, float32 {@code <f4} numbers, Fortran order, other padding, keys in
 * any order) and refuses everything else with a message saying what the array is and what would be needed.
 * Text follows NumPy: trailing NUL characters of a string are not part of it.
 */
public final class NpyArray {
    /** The longest header accepted: NumPy's own headers for these arrays are 118 bytes. */
    public static final int MAX_HEADER_LENGTH = 65_535;
    /** The longest string in a text array, in characters (code points). */
    public static final int MAX_TEXT_LENGTH = 1 << 20;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;

    private final int[] shape;
    private final double[] numbers;
    private final String[] texts;

    private NpyArray(int[] shape, double[] numbers, String[] texts) {
        this.shape = shape;
        this.numbers = numbers;
        this.texts = texts;
    }

    /** A 2-D array of numbers, rows × columns; every row must have the same length. */
    public static NpyArray of(double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has "
                        + columns);
            }
            System.arraycopy(rows[r], 0, values, r * columns, columns);
        }
        return new NpyArray(new int[] {rows.length, columns}, values, null);
    }

    /** A 1-D array of numbers. */
    public static NpyArray of(double[] values) {
        return new NpyArray(new int[] {values.length}, values.clone(), null);
    }

    /**
     * A 1-D array of strings, which NumPy loads as {@code dtype '<U…'} (with {@code allow_pickle=False}).
     *
     * @throws IllegalArgumentException for a string NumPy would not give back as it is: one that ends in a NUL
     *     character (NumPy drops those), or one with a lone UTF-16 surrogate (no code point)
     */
    public static NpyArray ofText(List<String> values) {
        String[] copy = values.toArray(new String[0]);
        for (int i = 0; i < copy.length; i++) {
            String s = Objects.requireNonNull(copy[i], "text " + i);
            if (s.endsWith("\u0000")) {
                throw new IllegalArgumentException("text " + i + " ends in a NUL character, which NumPy drops");
            }
            if (!JsonValues.isWellFormed(s)) {
                throw new IllegalArgumentException("text " + i + " has a lone UTF-16 surrogate");
            }
            if (s.codePointCount(0, s.length()) > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("text " + i + " is longer than " + MAX_TEXT_LENGTH
                        + " characters");
            }
        }
        return new NpyArray(new int[] {copy.length}, null, copy);
    }

    /** The shape: one length per dimension. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions, 1 or 2. */
    public int rank() {
        return shape.length;
    }

    /** Whether this is an array of strings rather than numbers. */
    public boolean isText() {
        return texts != null;
    }

    /** The numbers in C order (row after row). */
    public double[] numbers() {
        requireNumbers();
        return numbers.clone();
    }

    /** The numbers of a 2-D array as rows. */
    public double[][] rows() {
        requireNumbers();
        if (shape.length != 2) {
            throw new IllegalStateException("a " + shape.length + "-D array has no rows");
        }
        double[][] rows = new double[shape[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(numbers, r * shape[1], (r + 1) * shape[1]);
        }
        return rows;
    }

    /** The strings of a text array. */
    public List<String> texts() {
        if (texts == null) {
            throw new IllegalStateException("an array of numbers has no text");
        }
        return List.of(texts);
    }

    /** The shape as Python writes it: {@code (3,)}, {@code (2, 3)}. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** What the array is, for messages: "a 2-D array of numbers, shape (2, 3)". */
    public String describe() {
        return "a " + shape.length + "-D array of " + (isText() ? "text" : "numbers") + ", shape " + shapeText();
    }

    private void requireNumbers() {
        if (numbers == null) {
            throw new IllegalStateException("an array of text has no numbers");
        }
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** The bytes of the {@code .npy} file: float64 for numbers, {@code <U}n (n the longest string, at least 1). */
    public byte[] toBytes() {
        int width = 1;
        if (texts != null) {
            for (String s : texts) {
                width = Math.max(width, s.codePointCount(0, s.length()));
            }
        }
        String descr = texts == null ? "<f8" : "<U" + width;
        byte[] header = header(descr, shape);
        long count = texts == null ? numbers.length : texts.length;
        long dataLength = count * (texts == null ? Double.BYTES : 4L * width);
        if (header.length + dataLength > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("an array of " + dataLength + " bytes is too large for one .npy entry");
        }
        ByteBuffer out = ByteBuffer.allocate(header.length + (int) dataLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        if (texts == null) {
            out.asDoubleBuffer().put(numbers);
        } else {
            for (String s : texts) {
                int written = 0;
                for (int i = 0; i < s.length(); ) {
                    int cp = s.codePointAt(i);
                    out.putInt(cp);
                    i += Character.charCount(cp);
                    written++;
                }
                for (; written < width; written++) {
                    out.putInt(0);
                }
            }
        }
        return out.array();
    }

    /** Magic, version 1.0, length and the dict, padded with spaces to a multiple of 64 bytes ending in '\n'. */
    private static byte[] header(String descr, int[] shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int prefix = MAGIC.length + 2 + 2;
        int unpadded = prefix + dict.length() + 1;
        int padded = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        String text = dict + " ".repeat(padded - unpadded) + "\n";
        ByteBuffer out = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    private static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++) {
            sb.append(d == 0 ? "" : ", ").append(shape[d]);
        }
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads a {@code .npy} file.
     *
     * @param where names the array in messages, e.g. {@code "model.npz: dense/kernel.npy"}
     * @throws PlaygroundException whose message starts with {@code where}, for anything that is not a 1-D or 2-D
     *     array of float64, float32 or unicode text in NumPy's format, or whose data does not match its header
     */
    public static NpyArray parse(byte[] bytes, String where) {
        return new Parser(bytes, where).parse();
    }

    /** The element types understood. */
    private enum Kind {
        FLOAT64, FLOAT32, TEXT
    }

    private static final class Parser {
        private final byte[] bytes;
        private final String where;
        private String header;
        private int pos;

        Parser(byte[] bytes, String where) {
            this.bytes = bytes;
            this.where = where;
        }

        NpyArray parse() {
            if (bytes.length == 0) {
                throw fail("the array is empty (0 bytes), not a .npy array");
            }
            if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw fail("not a .npy array (it does not start with \\x93NUMPY)");
            }
            if (bytes.length < MAGIC.length + 2) {
                throw fail("the .npy array is cut short in its version");
            }
            int major = bytes[6] & 0xff;
            int minor = bytes[7] & 0xff;
            if (major < 1 || major > 3 || minor != 0) {
                throw fail(".npy format version " + major + "." + minor + " is not supported (known: 1.0, 2.0, "
                        + "3.0)");
            }
            int lengthBytes = major == 1 ? 2 : 4;
            int start = 8 + lengthBytes;
            if (bytes.length < start) {
                throw fail("the .npy array is cut short in its header length");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? buffer.getShort(8) & 0xffffL : buffer.getInt(8) & 0xffffffffL;
            if (headerLength > MAX_HEADER_LENGTH) {
                throw fail("the .npy header is " + headerLength + " bytes long, more than the " + MAX_HEADER_LENGTH
                        + " accepted");
            }
            if (bytes.length - start < headerLength) {
                throw fail("the .npy array is cut short in its header (" + (bytes.length - start) + " of "
                        + headerLength + " bytes)");
            }
            int dataStart = start + (int) headerLength;
            header = new String(bytes, start, (int) headerLength,
                    major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header h = parseHeader();
            return data(h, dataStart);
        }

        private record Header(Kind kind, int textWidth, boolean fortran, int[] shape, String descr) {
        }

        /** The dict literal, with exactly the keys descr, fortran_order and shape. */
        private Header parseHeader() {
            if (header.isEmpty() || header.charAt(header.length() - 1) != '\n') {
                throw headerFail("the .npy header does not end with a newline (cut short or garbled)");
            }
            pos = 0;
            skipSpace();
            expect('{', "the .npy header is not a Python dict");
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            skipSpace();
            while (peek() != '}') {
                String key = string("the .npy header has no key in quotes at character " + pos);
                skipSpace();
                expect(':', "a ':' after the key '" + key + "'");
                skipSpace();
                switch (key) {
                    case "descr" -> {
                        if (descr != null) {
                            throw headerFail("the .npy header gives 'descr' twice");
                        }
                        descr = string("'descr' in the .npy header is not a dtype string such as '<f8' "
                                + "(structured arrays are not supported)");
                    }
                    case "fortran_order" -> {
                        if (fortran != null) {
                            throw headerFail("the .npy header gives 'fortran_order' twice");
                        }
                        fortran = bool();
                    }
                    case "shape" -> {
                        if (shape != null) {
                            throw headerFail("the .npy header gives 'shape' twice");
                        }
                        shape = tuple();
                    }
                    default -> throw headerFail("the .npy header has an unknown key '" + Printable.of(key)
                            + "' (known: descr, fortran_order, shape)");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw headerFail("the .npy header has no ',' or '}' at character " + pos);
                }
            }
            pos++;
            for (; pos < header.length(); pos++) {
                char c = header.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    throw headerFail("the .npy header has something after its dict at character " + pos);
                }
            }
            if (descr == null || fortran == null || shape == null) {
                throw headerFail("the .npy header lacks '" + (descr == null ? "descr"
                        : fortran == null ? "fortran_order" : "shape") + "'");
            }
            return header(descr, fortran, shape);
        }

        private Header header(String descr, boolean fortran, int[] shape) {
            Kind kind;
            int width = 0;
            if (descr.equals("<f8")) {
                kind = Kind.FLOAT64;
            } else if (descr.equals("<f4")) {
                kind = Kind.FLOAT32;
            } else if (descr.matches("<U[1-9][0-9]{0,8}")) {
                long w = Long.parseLong(descr.substring(2));
                if (w > MAX_TEXT_LENGTH) {
                    throw fail("strings of " + w + " characters ('" + descr + "') are longer than the "
                            + MAX_TEXT_LENGTH + " accepted");
                }
                kind = Kind.TEXT;
                width = (int) w;
            } else if (descr.equals(">f8") || descr.equals(">f4") || descr.matches(">U[0-9]+")) {
                throw fail("the array is big-endian ('" + descr + "'): only little-endian arrays are read; save "
                        + "it with numpy as dtype '<f8'");
            } else {
                throw fail("arrays of dtype '" + Printable.of(descr) + "' are not supported: numbers must be float64 "
                        + "('<f8') or float32 ('<f4'), text unicode ('<U…')");
            }
            if (shape.length == 0) {
                throw fail("the array is a single value (shape ()), not a 1-D or 2-D array");
            }
            if (shape.length > 2) {
                throw fail("the array has " + shape.length + " dimensions, shape " + shapeText(shape)
                        + "; only 1-D and 2-D arrays are read");
            }
            return new Header(kind, width, fortran, shape, descr);
        }

        private NpyArray data(Header h, int dataStart) {
            long count = 1;
            for (int d : h.shape) {
                count *= d; // at most two factors below 2^31: no overflow
            }
            long itemSize = switch (h.kind) {
                case FLOAT64 -> 8;
                case FLOAT32 -> 4;
                case TEXT -> 4L * h.textWidth;
            };
            long expected;
            try {
                expected = Math.multiplyExact(count, itemSize);
            } catch (ArithmeticException e) {
                throw fail("the array is too large (shape " + shapeText(h.shape) + ", dtype '" + h.descr + "')");
            }
            long actual = bytes.length - (long) dataStart;
            if (actual != expected) {
                throw fail("the data of the array (shape " + shapeText(h.shape) + ", dtype '" + h.descr + "') needs "
                        + expected + " bytes, but there are " + actual
                        + (actual < expected ? " (the array is cut short)" : " (extra bytes after the array)"));
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, dataStart, (int) actual).slice().order(ByteOrder.LITTLE_ENDIAN);
            int n = (int) count;
            if (h.kind == Kind.TEXT) {
                String[] texts = new String[n];
                for (int i = 0; i < n; i++) {
                    texts[i] = text(in, h.textWidth, i);
                }
                // Fortran order matters only for 2-D arrays, and text arrays are read 1-D only by callers; keep
                // C order for them too so that the elements are where NumPy puts them.
                return new NpyArray(h.shape, null, h.fortran ? cOrder(texts, new String[n], h.shape) : texts);
            }
            double[] values = new double[n];
            if (h.kind == Kind.FLOAT64) {
                in.asDoubleBuffer().get(values);
            } else {
                for (int i = 0; i < n; i++) {
                    values[i] = in.getFloat(); // float to double is exact
                }
            }
            return new NpyArray(h.shape, h.fortran ? cOrder(values, new double[n], h.shape) : values, null);
        }

        /**
         * The elements of {@code columnMajor} (a {@code double[]} or a {@code String[]}) in C order, copied into
         * {@code rowMajor}, an array of the same kind and length: Fortran order stores a 2-D array column after
         * column. A 1-D array is the same in either order and comes back as it is.
         */
        private static <A> A cOrder(A columnMajor, A rowMajor, int[] shape) {
            if (shape.length < 2) {
                return columnMajor;
            }
            int rows = shape[0];
            int cols = shape[1];
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(columnMajor, c * rows + r, rowMajor, r * cols + c, 1);
                }
            }
            return rowMajor;
        }

        /** One fixed-width UTF-32LE string; trailing NULs are padding, as in NumPy. */
        private String text(ByteBuffer in, int width, int index) {
            int[] codePoints = new int[width];
            int length = 0;
            for (int k = 0; k < width; k++) {
                int cp = in.getInt();
                codePoints[k] = cp;
                if (cp != 0) {
                    length = k + 1;
                }
            }
            for (int k = 0; k < length; k++) {
                int cp = codePoints[k];
                if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE
                        && cp <= Character.MAX_SURROGATE)) {
                    throw fail("string " + index + " of the array is not valid text (code point 0x"
                            + Integer.toHexString(cp) + ")");
                }
            }
            return new String(codePoints, 0, length);
        }

        private String string(String problem) {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw headerFail(problem);
            }
            int end = header.indexOf(quote, pos + 1);
            if (end < 0) {
                throw headerFail("a string in the .npy header is not closed");
            }
            String s = header.substring(pos + 1, end);
            if (s.indexOf('\\') >= 0 || s.indexOf('\n') >= 0) {
                throw headerFail("a string in the .npy header has an escape or a line break");
            }
            pos = end + 1;
            return s;
        }

        private boolean bool() {
            if (header.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (header.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw headerFail("'fortran_order' in the .npy header is not True or False");
        }

        /** A tuple of non-negative ints: {@code ()}, {@code (3,)}, {@code (2, 3)}, {@code (2, 3,)}. */
        private int[] tuple() {
            expect('(', "a '(' to start the shape");
            List<Integer> dims = new ArrayList<>();
            skipSpace();
            boolean comma = true;
            while (peek() != ')') {
                if (!comma) {
                    throw headerFail("the shape in the .npy header has no ',' between its lengths");
                }
                dims.add(integer());
                if (dims.size() > 32) {
                    throw headerFail("the shape in the .npy header has more than 32 dimensions");
                }
                skipSpace();
                comma = peek() == ',';
                if (comma) {
                    pos++;
                    skipSpace();
                }
            }
            pos++;
            if (dims.size() == 1 && !comma) {
                throw headerFail("the shape in the .npy header, (" + dims.get(0) + "), is no tuple: a 1-D shape "
                        + "is written (n,)");
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private int integer() {
            int start = pos;
            while (pos < header.length() && header.charAt(pos) >= '0' && header.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == start) {
                throw headerFail("the shape in the .npy header has something other than a length at character "
                        + start);
            }
            String digits = header.substring(start, pos);
            if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                throw fail("the array is too large (a length of " + digits + ")");
            }
            return Integer.parseInt(digits);
        }

        private void expect(char c, String what) {
            if (peek() != c) {
                throw headerFail("the .npy header has no " + what + " at character " + pos);
            }
            pos++;
        }

        private char peek() {
            if (pos >= header.length()) {
                throw headerFail("the .npy header ends in the middle of its dict");
            }
            return header.charAt(pos);
        }

        private void skipSpace() {
            while (pos < header.length() && (header.charAt(pos) == ' ' || header.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private PlaygroundException headerFail(String problem) {
            return fail(problem + ": " + excerpt());
        }

        private String excerpt() {
            String text = header.strip();
            if (text.length() > 100) {
                text = text.substring(0, 100) + "…";
            }
            return "\"" + Printable.of(text) + "\"";
        }

        private PlaygroundException fail(String problem) {
            return new PlaygroundException(where + ": " + problem);
        }
    }
}
