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
import java.util.stream.Collectors;

/**
 * The file formats a model can be exported to and imported from, with the names the command line and the menus
 * use.
 */
public enum ModelFormat {
    JSON("json", "Model JSON", ".json", (model, file) -> ModelFile.write(file, model), ModelFile::read),
    NPZ("npz", "NumPy arrays", ".npz", new NpzFormat(), new NpzFormat()),
    ONNX("onnx", "ONNX", ".onnx", new OnnxExport(), null),
    KERAS("keras", "Keras 3 model", KerasArchive.EXTENSION, new KerasArchive(), new KerasArchive()),
    WEIGHTS_H5("weights-h5", "Keras 3 weights", KerasWeightsH5.EXTENSION, new KerasWeightsH5(),
            new KerasWeightsH5()),
    H5("h5", "Keras 2 model, legacy HDF5", KerasLegacyH5.EXTENSION, new KerasLegacyH5(), new KerasLegacyH5()),
    CSV("csv", "CSV table of weights", ".csv", new CsvExport(), null),
    PYTHON("python", "Python with NumPy", ".py", new PythonNumpyExport(), null),
    KERAS_PYTHON("keras-python", "Python building a Keras model", ".py", new PythonKerasExport(), null),
    JAVA("java", "Java source", ".java", new JavaExport(), null);

    private final String id;
    private final String title;
    private final String extension;
    private final ModelWriter writer;
    private final ModelReader reader;

    ModelFormat(String id, String title, String extension, ModelWriter writer, ModelReader reader) {
        this.id = id;
        this.title = title;
        this.extension = extension;
        this.writer = writer;
        this.reader = reader;
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
