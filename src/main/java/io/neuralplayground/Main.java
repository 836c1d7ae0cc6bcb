package io.neuralplayground;

import io.neuralplayground.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application's entry point. It deliberately does not extend JavaFX's {@code Application}: a jar that
 * bundles JavaFX starts only through a main class that does not (otherwise "JavaFX runtime components are
 * missing"). Without arguments it opens the window, with a file it opens the window on that file; with a command
 * it hands over to the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(withWindowCommand(args)));
    }

    /**
     * The arguments with {@code window} in front when they name no command: none at all, or a single file to open
     * (what a file manager passes when a session file is opened with the application).
     */
    static String[] withWindowCommand(String[] args) {
        if (args.length == 0) {
            return new String[] {"window"};
        }
        if (args.length == 1 && !args[0].startsWith("-") && !Cli.isCommand(args[0])
                && Files.isRegularFile(Path.of(args[0]))) {
            return new String[] {"window", args[0]};
        }
        return args;
    }
}
