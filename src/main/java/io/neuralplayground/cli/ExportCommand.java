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
            "Formats: json, npz, onnx, keras, weights-h5, h5, csv, python, keras-python, java.",
            "--out - writes the text formats (json, csv, python, keras-python) to standard output."},
        footer = {"", "Examples:",
            "  neural-playground export --model model.json --format onnx --out model.onnx",
            "  neural-playground export --model model.json --format python --out predict.py",
            "  neural-playground export --model model.json --format csv --out - | head"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file (JSON).")
    private Path model;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "The format to write.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write it; - for standard output (text formats only).")
    private Path out;

    @Override
    public Integer call() {
        ModelFormat chosen = ModelFormat.byName(format);
        boolean standardOutput = OutFiles.isStandardOutput(out);
        if (standardOutput && !chosen.writesText()) {
            throw new IllegalArgumentException("--out -: " + chosen.title() + " is not text for standard output "
                    + (chosen == ModelFormat.JAVA ? "(a Java class must be in a file of its name)" : "(it is binary)")
                    + "; give a file name");
        }
        Model read = ModelFile.read(model);
        if (standardOutput) {
            // The file's text and nothing else, so that it can be piped or redirected.
            spec.commandLine().getOut().print(chosen.text(read));
            return Cli.OK;
        }
        chosen.write(read, out);
        spec.commandLine().getOut().printf("wrote %s (%s)%n", out, chosen.title());
        return Cli.OK;
    }
}
