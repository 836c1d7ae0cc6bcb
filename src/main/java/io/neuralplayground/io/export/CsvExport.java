package io.neuralplayground.io.export;

import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.files.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The weights as one CSV table, for a spreadsheet or a data frame: a header {@value #HEADER}, then one row per
 * parameter. Documented in {@code docs/export-formats.md}.
 *
 * <ul>
 *   <li>{@code layer}: the layer, 0-based from the first hidden layer to the output layer;</li>
 *   <li>{@code kind}: {@code kernel} for a weight, {@code bias} for a bias;</li>
 *   <li>{@code row}, {@code col}: for a weight, the input it comes from ({@code row}) and the unit it goes to
 *       ({@code col}), so {@code kernel[row][col]} in Keras' layout; for a bias, {@code row} is 0 and {@code col}
 *       the unit;</li>
 *   <li>{@code value}: the number as Java's {@link Double#toString} writes it ({@code 0.1}, {@code -0.0},
 *       {@code 1.0E-5}), which every correctly rounding reader turns back into the very same double.</li>
 * </ul>
 * Per layer, the kernel comes first, row after row, then the bias. No field needs quoting. Lines end in
 * {@code \n}; the file is ASCII. The file holds neither input names nor activations: it is weights only (the
 * model JSON or {@code .npz} hold the whole model), so there is no importer for it.
 */
public final class CsvExport implements ModelWriter {
    /** The first line of every file. */
    public static final String HEADER = "layer,kind,row,col,value";

    @Override
    public void write(Model model, Path file) {
        ModelLimits.requireFinite(model, file);
        AtomicFiles.write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
            writeTo(model.network(), writer);
            writer.flush();
        });
    }

    /** The table {@link #write} writes, for standard output; refused for a weight that is not finite. */
    public static String text(Model model) {
        return Exports.text(model, m -> {
            StringWriter table = new StringWriter();
            try {
                writeTo(m.network(), table);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to a string failed", e);
            }
            return table.toString();
        });
    }

    /** The table; every parameter must be finite. */
    static void writeTo(Network network, Writer out) throws java.io.IOException {
        out.write(HEADER);
        out.write('\n');
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    row(out, l, "kernel", i, j, layer.weight(i, j));
                }
            }
            for (int j = 0; j < layer.units(); j++) {
                row(out, l, "bias", 0, j, layer.bias(j));
            }
        }
    }

    private static void row(Writer out, int layer, String kind, int row, int col, double value)
            throws java.io.IOException {
        out.write(layer + "," + kind + "," + row + "," + col + "," + Exports.number(value) + "\n");
    }
}
