package io.neuralplayground.cli;

import java.util.ArrayList;
import java.util.List;

/** Parses the number lists users type on the command line: "0.5,0.1", and "0.5,0.1;0.2,0.3" for several rows. */
final class Numbers {
    private Numbers() {
    }

    /** One row of comma-separated numbers; {@code what} names the option in messages. */
    static double[] row(String text, String what) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new double[0];
        }
        String[] parts = trimmed.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            try {
                values[i] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + part + "' is not a number (value " + (i + 1)
                        + " of '" + text + "')");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": value " + (i + 1) + " is not a finite number");
            }
        }
        return values;
    }

    /** Rows separated by ';', each comma-separated. */
    static double[][] rows(String text, String what) {
        List<double[]> rows = new ArrayList<>();
        for (String row : text.split(";", -1)) {
            rows.add(row(row, what));
        }
        return rows.toArray(new double[0][]);
    }

    /** Hidden layer widths: "4,2", or "0" (or "") for no hidden layer. */
    static int[] widths(String text) {
        String trimmed = text.trim();
        // "0" reads as zero hidden layers, as one would say it; "" (--layers=) does too.
        if (trimmed.isEmpty() || trimmed.equals("0")) {
            return new int[0];
        }
        String[] parts = trimmed.split(",", -1);
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--layers: '" + parts[i].trim()
                        + "' is not a whole number (give widths like 4,2, or 0 for no hidden layer)");
            }
            if (widths[i] < 1 || widths[i] > 4096) {
                throw new IllegalArgumentException("--layers: a layer needs 1 to 4096 neurons, got " + widths[i]
                        + (widths[i] == 0 ? " (--layers 0 alone means no hidden layer)" : ""));
            }
        }
        return widths;
    }
}
