package io.neuralplayground.cli;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.ImportedModel;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.ModelFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code import}: a model from another format into a model file. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read a model written by another tool (.npz, .weights.h5, .keras, Keras 2 .h5, or model JSON)",
            "and write it as a model file (JSON). The format follows the file's name unless --format says."},
        footer = {"", "Example:", "  neural-playground import --in model.keras --out model.json"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--in", paramLabel = "FILE", required = true, description = "The file to read.")
    private Path in;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Its format, if its name does not say.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The model file to write; - for standard output (what was read is then said on standard "
                    + "error).")
    private Path out;

    @Override
    public Integer call() {
        ModelFormat chosen = format != null ? ModelFormat.byName(format) : ModelFormat.forFile(in);
        if (chosen == null) {
            throw new PlaygroundException(in.getFileName() + ": the name does not say the format; give --format");
        }
        if (!chosen.canRead()) {
            throw new PlaygroundException(chosen.title() + " files cannot be imported");
        }
        ImportedModel imported = chosen.importModel(in);
        Model model = imported.model();
        boolean standardOutput = OutFiles.isStandardOutput(out);
        // Standard output holds the model file alone then, so that it can be piped or redirected.
        var printed = standardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (standardOutput) {
            spec.commandLine().getOut().print(ModelFile.toJson(model));
        } else {
            ModelFile.write(out, model);
        }
        printed.printf("read %s (%s)%n", in, chosen.title());
        for (String note : imported.notes()) {
            printed.printf("note: %s%n", note);
        }
        if (!standardOutput) {
            printed.printf("wrote %s (%s, inputs %s)%n", out, model.network().describe(),
                    String.join(",", model.inputs()));
        }
        return Cli.OK;
    }
}
