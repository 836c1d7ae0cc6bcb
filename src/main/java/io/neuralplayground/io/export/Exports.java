package io.neuralplayground.io.export;

import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.files.AtomicFiles;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the exporters share: writing source text, and literals for source code (Python's
 * pieces are in {@link PythonScript}).
 */
final class Exports {
    private Exports() {
    }

    /** Writes source text (ASCII) to {@code file}, atomically, for a model whose every parameter is finite. */
    static void writeSource(Model model, Path file, Function<Model, String> source) {
        ModelLimits.requireFinite(model, file);
        String text = source.apply(model);
        AtomicFiles.write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /**
     * The text {@code source} makes of {@code model}, for standard output rather than a file: refused, as a file
     * would be, for a weight or bias that is not finite.
     */
    static String text(Model model, Function<Model, String> source) {
        ModelLimits.requireFinite(model);
        return source.apply(model);
    }

    /**
     * A double as Java's {@link Double#toString} writes it ({@code 0.1}, {@code -0.0}, {@code 1.0E-5}): a decimal
     * that Java, Python, NumPy and C read back as the very same double. Only for finite values.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        return Double.toString(value);
    }

    /**
     * A Java string literal for any text, in ASCII: control characters as three-digit octal escapes (a Unicode
     * escape such as {@code \u005cu000a} would be turned into a real line break before the literal is even read),
     * other non-ASCII characters as Unicode escapes, which are safe for them.
     */
    static String javaString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (c < 0x80) {
                sb.append(String.format("\\%03o", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    /** A Java identifier in ASCII: characters beyond ASCII as Unicode escapes, which Java allows in names. */
    static String javaIdentifier(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
