package io.neuralplayground.cli;

import io.neuralplayground.ui.LaunchPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code window}: the playground window, what the application opens when started without a command. */
@Command(name = "window", mixinStandardHelpOptions = true,
        description = {"Open the playground window (what starting without a command does)."})
final class WindowCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Launcher.openWindow(LaunchPlan.interactive());
        return Cli.OK;
    }
}
