package io.neuralplayground.io.formats;

import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelReader;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.export.CsvExport;
import io.neuralplayground.io.export.JavaExport;
import io.neuralplayground.io.export.OnnxExport;
import io.neuralplayground.io.export.PythonKerasExport;
import io.neuralplayground.io.export.PythonNumpyExport;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.io.keras.KerasArchive;
import io.neuralplayground.io.keras.KerasLegacyH5;
import io.neuralplayground.io.keras.KerasWeightsH5;
import io.neuralplayground.io.numpy.NpzFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The file formats a model can be exported to and imported from, with the names the command line and the menus
 * use.
 */
public enum ModelFormat {
    JSON("json", "Model JSON", ".json", (model, file) -> ModelFile.write(file, model), ModelFile::read,
            ModelFile::toJson),
    NPZ("npz", "NumPy arrays", ".npz", new NpzFormat(), new NpzFormat(), null),
    ONNX("onnx", "ONNX", ".onnx", new OnnxExport(), null, null),
    KERAS("keras", "Keras 3 model", KerasArchive.EXTENSION, new KerasArchive(), new KerasArchive(), null),
    WEIGHTS_H5("weights-h5", "Keras 3 weights", KerasWeightsH5.EXTENSION, new KerasWeightsH5(),
            new KerasWeightsH5(), null),
    H5("h5", "Keras 2 model, legacy HDF5", KerasLegacyH5.EXTENSION, new KerasLegacyH5(), new KerasLegacyH5(),
            null),
    CSV("csv", "CSV table of weights", ".csv", new CsvExport(), null, CsvExport::text),
    PYTHON("python", "Python with NumPy", ".py", new PythonNumpyExport(), null, PythonNumpyExport::text),
    KERAS_PYTHON("keras-python", "Python building a Keras model", ".py", new PythonKerasExport(), null,
            PythonKerasExport::text),
    // Not text for standard output: Java wants a public class in a file of its name, which comes from the file's.
    JAVA("java", "Java source", ".java", new JavaExport(), null, null);

    private final String id;
    private final String title;
    private final String extension;
    private final ModelWriter writer;
    private final ModelReader reader;
    private final Function<Model, String> text;

    ModelFormat(String id, String title, String extension, ModelWriter writer, ModelReader reader,
            Function<Model, String> text) {
        this.id = id;
        this.title = title;
        this.extension = extension;
        this.writer = writer;
        this.reader = reader;
        this.text = text;
    }

    /** The name on the command line: json, npz, onnx … */
    public String id() {
        return id;
    }

    /** The name in menus. */
    public String title() {
        return title;
    }

    /** The usual file name ending, with its dot. */
    public String extension() {
        return extension;
    }

    /**
     * Whether the format keeps each layer's activation. A Keras weights file holds weights only: read back, its
     * layers get default activations, which a reader with a better guess (the playground's own) may replace.
     */
    public boolean holdsActivations() {
        return this != WEIGHTS_H5;
    }

    public boolean canRead() {
        return reader != null;
    }

    /**
     * Whether the format is text that may go to standard output as well as to a file: model JSON, CSV and the
     * Python scripts. The binary formats may not (a terminal shows them as noise), nor Java source, whose class is
     * named after its file.
     */
    public boolean writesText() {
        return text != null;
    }

    /**
     * The text a file of this format holds for {@code model}, for standard output.
     *
     * @throws io.neuralplayground.PlaygroundException as {@link #write} would, for a model the format cannot hold
     * @throws UnsupportedOperationException unless {@link #writesText()}
     */
    public String text(Model model) {
        if (text == null) {
            throw new UnsupportedOperationException(title + " is not text for standard output");
        }
        return text.apply(model);
    }

    public void write(Model model, Path file) {
        writer.write(model, file);
    }

    public Model read(Path file) {
        return reader().read(file);
    }

    /**
     * Reads a model as {@link #read} does, with the reader's notes on what it left out or folded in (a Keras model's
     * Dropout and Activation layers, say), for the caller to show: see {@link ImportedModel}.
     */
    public ImportedModel importModel(Path file) {
        return reader().importModel(file);
    }

    private ModelReader reader() {
        if (reader == null) {
            throw new UnsupportedOperationException(title + " files cannot be imported");
        }
        return reader;
    }

    /** The format named {@code name} on the command line. */
    public static ModelFormat byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ModelFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (known: "
                + Arrays.stream(values()).map(ModelFormat::id).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The importable format a file's name says it is in, or null. The longest matching extension wins, so that
     * {@code net.weights.h5} is Keras 3 weights and {@code net.h5} a legacy Keras 2 model.
     */
    public static ModelFormat forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ModelFormat best = null;
        for (ModelFormat f : values()) {
            if (f.canRead() && name.endsWith(f.extension())
                    && (best == null || f.extension().length() > best.extension().length())) {
                best = f;
            }
        }
        return best;
    }
}
