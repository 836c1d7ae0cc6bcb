package io.neuralplayground.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code neural-playground}: with no command it opens the window; the commands work without one. */
@Command(name = "neural-playground",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Neural Playground: train small neural networks and look inside them.", ""},
        subcommands = {TrainCommand.class, TraceCommand.class, GradcheckCommand.class, BenchCommand.class,
            AutodiffCommand.class, ExportCommand.class, ImportCommand.class, WindowCommand.class,
            ScreenshotCommand.class, PerfCommand.class, TuneCommand.class,
            WorkerCommand.class},
        footer = {"", "Without a command the window opens. Run 'neural-playground COMMAND --help' for a command's "
                + "options."})
public final class RootCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
