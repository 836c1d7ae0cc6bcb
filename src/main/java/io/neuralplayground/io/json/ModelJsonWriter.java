package io.neuralplayground.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Model} as a model file, laid out for people: one field per line, each kernel row, the bias
 * and the input names on one line each, so that a small network reads like its weight matrix.
 */
final class ModelJsonWriter {
    private ModelJsonWriter() {
    }

    /** Writes {@code model}, whose parameters must all be finite (see {@link ModelLimits#nonFiniteParameter}). */
    static void write(Model model, JsonGenerator gen) throws IOException {
        gen.setPrettyPrinter(prettyPrinter());
        gen.writeStartObject();
        // format and version first: a reader (a person, too) knows what the rest means before reading it.
        gen.writeStringField("format", ModelFile.FORMAT);
        gen.writeNumberField("version", ModelFile.VERSION);
        gen.writeFieldName("inputs");
        gen.writeRawValue(strings(model.inputs()));
        gen.writeArrayFieldStart("layers");
        for (DenseLayer layer : model.network().layers()) {
            gen.writeStartObject();
            gen.writeNumberField("units", layer.units());
            gen.writeStringField("activation", layer.activation().kerasName());
            gen.writeArrayFieldStart("kernel");
            for (double[] row : layer.kernelCopy()) {
                gen.writeRawValue(numbers(row));
            }
            gen.writeEndArray();
            gen.writeFieldName("bias");
            gen.writeRawValue(numbers(layer.biasCopy()));
            gen.writeEndObject();
        }
        gen.writeEndArray();
        for (Map.Entry<String, Object> extra : model.extras().entrySet()) {
            gen.writeFieldName(extra.getKey());
            writeValue(extra.getValue(), gen);
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    /**
     * Two-space indents, {@code "name": value}, {@code []} and {@code {}} for empty containers, and {@code \n}
     * on every system, so that the same model gives the same bytes everywhere.
     */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /**
     * {@code [w0, w1, …]} with each number as {@link Double#toString}: the shortest decimal that parses back to
     * the same double (in Java, Python and C alike), which is the format's precision guarantee.
     */
    private static String numbers(double[] values) {
        StringBuilder sb = new StringBuilder(values.length * 22).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Double.toString(values[i]));
        }
        return sb.append(']').toString();
    }

    private static String strings(List<String> values) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('"').append(encoder.quoteAsString(values.get(i))).append('"');
        }
        return sb.append(']').toString();
    }

    /** An extra value; {@link Model} has already checked that it is one of the JSON types. */
    private static void writeValue(Object value, JsonGenerator gen) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Integer n) {
            gen.writeNumber(n);
        } else if (value instanceof Long n) {
            gen.writeNumber(n);
        } else if (value instanceof BigInteger n) {
            gen.writeNumber(n);
        } else if (value instanceof Double d) {
            gen.writeNumber(Double.toString(d));
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object element : list) {
                writeValue(element, gen);
            }
            gen.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                gen.writeFieldName((String) entry.getKey());
                writeValue(entry.getValue(), gen);
            }
            gen.writeEndObject();
        } else {
            throw new IllegalStateException("not a JSON value: " + value.getClass().getName());
        }
    }
}
