package io.neuralplayground.cli;

import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.ModelFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a model file in another format. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a model (model JSON) in another format: NumPy, ONNX, Keras, CSV or code.", "",
            "Formats: json, npz, onnx, keras, weights-h5, h5, csv, python, keras-python, java."},
        footer = {"", "Examples:",
            "  neural-playground export --model model.json --format onnx --out model.onnx",
            "  neural-playground export --model model.json --format python --out predict.py"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file (JSON).")
    private Path model;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "The format to write.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it.")
    private Path out;

    @Override
    public Integer call() {
        ModelFormat chosen = ModelFormat.byName(format);
        Model read = ModelFile.read(model);
        chosen.write(read, out);
        spec.commandLine().getOut().printf("wrote %s (%s)%n", out, chosen.title());
        return Cli.OK;
    }
}
