package io.neuralplayground.io.export;

import java.util.List;

/**
 * What the two Python exports (NumPy, Keras) are made of alike: the file's start (docstring, imports, INPUTS), the
 * weights as NumPy literals, and the end that reads examples when the file runs as a script.
 */
final class PythonScript {
    /**
     * The Python function both exports use when run as a script: the examples from the command line (one) or from
     * standard input (one per line), numbers separated by spaces or commas, checked against INPUTS.
     */
    private static final String EXAMPLES = """
            def _examples(argv, stdin):
                lines = [" ".join(argv)] if argv else [line for line in stdin if line.strip()]
                rows = [[float(v) for v in line.replace(",", " ").split()] for line in lines]
                for row in rows:
                    if len(row) != len(INPUTS):
                        sys.exit(f"expected {len(INPUTS)} numbers per example ({', '.join(INPUTS)}), "
                                 f"got {len(row)}")
                return np.array(rows, dtype=np.float64).reshape(len(rows), len(INPUTS))
            """;

    private PythonScript() {
    }

    /**
     * The file's start: the docstring (its text ends with a line break), {@code import sys}, a blank line, the
     * third-party {@code modules} (numpy among them, which {@code _examples} needs), a blank line, and the inputs'
     * names as {@code INPUTS}.
     */
    static StringBuilder start(String docstring, List<String> inputs, String... modules) {
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"").append(docstring).append("\"\"\"\n").append("import sys\n\n");
        for (String module : modules) {
            py.append("import ").append(module).append('\n');
        }
        py.append('\n');
        py.append("INPUTS = [");
        for (int i = 0; i < inputs.size(); i++) {
            py.append(i == 0 ? "" : ", ").append(string(inputs.get(i)));
        }
        return py.append("]\n\n");
    }

    /**
     * A matrix as {@code np.array([ … ], dtype=np.float64)}, one row a line at {@code indent} plus four spaces, the
     * closing bracket at {@code indent}; the opening stands where the caller has got to.
     */
    static void matrix(StringBuilder py, double[][] rows, String indent) {
        py.append("np.array([\n");
        for (double[] row : rows) {
            py.append(indent).append("    ");
            list(py, row);
            py.append(",\n");
        }
        py.append(indent).append("], dtype=np.float64)");
    }

    /** A vector as {@code np.array([…], dtype=np.float64)} on one line. */
    static void vector(StringBuilder py, double[] values) {
        py.append("np.array(");
        list(py, values);
        py.append(", dtype=np.float64)");
    }

    /** The file's end: {@code _examples}, two blank lines, then the {@code if __name__ == "__main__":} block. */
    static String end(StringBuilder py, String mainBlock) {
        return py.append(EXAMPLES).append("\n\n").append(mainBlock).toString();
    }

    /** {@code [0.1, -2.5]}: numbers as a Python list, each exact. */
    private static void list(StringBuilder py, double[] values) {
        py.append('[');
        for (int j = 0; j < values.length; j++) {
            py.append(j == 0 ? "" : ", ").append(Exports.number(values[j]));
        }
        py.append(']');
    }

    /**
     * A Python string literal for any text: printable ASCII as it is, everything else escaped, so that the source
     * stays ASCII and no character can end the literal or the line.
     */
    private static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        });
        return sb.append('"').toString();
    }
}
