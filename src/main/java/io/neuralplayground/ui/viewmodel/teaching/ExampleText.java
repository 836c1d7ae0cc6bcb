package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Examples as the stepper's text fields hold them: values separated by commas, examples by ';'
 * ("0.05, 0.1; 0.2, −0.3"). Every problem is an {@link IllegalArgumentException} whose message says what is
 * wrong and where.
 */
public final class ExampleText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ExampleText() {
    }

    /** Rows as text: "0.05, 0.1" for one, "0.05, 0.1; 0.2, 0.3" for several. */
    public static String format(double[][] rows) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            if (r > 0) {
                sb.append("; ");
            }
            for (int j = 0; j < rows[r].length; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(NumberTexts.exact(rows[r][j]));
            }
        }
        return sb.toString();
    }

    /**
     * The rows of {@code text}: one per example, each as many values as it has.
     *
     * @param what the field's name for messages ("Input x")
     */
    public static double[][] parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty: type numbers separated by commas, ';' between"
                    + " examples.");
        }
        String[] examples = text.split(";", -1);
        double[][] rows = new double[examples.length][];
        for (int r = 0; r < examples.length; r++) {
            String where = examples.length == 1 ? what : what + ", example " + (r + 1);
            if (examples[r].isBlank()) {
                throw new IllegalArgumentException(where + " is empty: remove the extra ';' or type its values.");
            }
            String[] values = examples[r].split(",", -1);
            rows[r] = new double[values.length];
            for (int j = 0; j < values.length; j++) {
                String v = values[j].strip().replace('−', '-');
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(where + ": value " + (j + 1) + " is empty.");
                }
                if (!NUMBER.matcher(v).matches()) {
                    throw new IllegalArgumentException(where + ": '" + values[j].strip() + "' is not a number.");
                }
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException(where + ": '" + values[j].strip() + "' is too large.");
                }
                rows[r][j] = d;
            }
        }
        return rows;
    }

    /**
     * The examples typed for {@code network} and {@code loss}: as many inputs as the network takes, one target per
     * output (or the class index for the sparse loss), one target per input.
     */
    public static Examples parse(String input, String target, Network network, Loss loss, List<String> inputNames) {
        double[][] x = parse(input, "Input x");
        double[][] t = parse(target, "Target t");
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != network.inputs()) {
                throw new IllegalArgumentException(where("Input x", r, x.length) + " has " + values(x[r].length)
                        + " but the network takes " + network.inputs() + " (" + String.join(", ", inputNames)
                        + ").");
            }
        }
        if (t.length != x.length) {
            throw new IllegalArgumentException(x.length + (x.length == 1 ? " input" : " inputs") + " but "
                    + t.length + (t.length == 1 ? " target" : " targets") + ": give one target per example, ';'"
                    + " between examples.");
        }
        int outputs = network.outputs();
        int columns = loss.targetColumns(outputs);
        for (int r = 0; r < t.length; r++) {
            String where = where("Target t", r, t.length);
            if (t[r].length != columns) {
                String need = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
                        ? loss.kerasName() + " needs one, the class index (0 to " + (outputs - 1) + ")"
                        : "the network has " + outputs + (outputs == 1 ? " output" : " outputs") + ": "
                                + loss.kerasName() + " needs one value per output";
                throw new IllegalArgumentException(where + " has " + values(t[r].length) + " but " + need + ".");
            }
            if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
                double c = t[r][0];
                if (c != Math.rint(c) || c < 0 || c >= outputs) {
                    throw new IllegalArgumentException(where + ": class " + NumberTexts.exact(c)
                            + " is not one of the outputs 0 to " + (outputs - 1) + ".");
                }
            }
        }
        return new Examples(x, t);
    }

    private static String where(String what, int r, int count) {
        return count == 1 ? what : what + ", example " + (r + 1) + ",";
    }

    private static String values(int n) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? "value" : "values");
    }
}
