package io.neuralplayground.cli;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.ui.LaunchPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code window}: the playground window, what the application opens when started without a command. */
@Command(name = "window", mixinStandardHelpOptions = true,
        description = {"Open the playground window (what starting without a command does), and in it a session or",
            "a network file when one is given (as File ▸ Open does)."},
        footer = {"", "Examples:", "  neural-playground window spiral.session.json",
            "  neural-playground window model.keras"})
final class WindowCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A session file, or a network (.json, .npz, .keras, .weights.h5, .h5) to import.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        LaunchPlan plan = LaunchPlan.interactive();
        if (file != null) {
            // Said here, before a window opens for nothing.
            if (!Files.isRegularFile(file)) {
                throw new PlaygroundException("Cannot open " + file + ": no such file");
            }
            plan = plan.opening(file);
        }
        Launcher.openWindow(plan);
        return Cli.OK;
    }
}
