package io.neuralplayground;

import io.neuralplayground.cli.Cli;

/**
 * The application's entry point. It deliberately does not extend JavaFX's {@code Application}: a jar that
 * bundles JavaFX starts only through a main class that does not (otherwise "JavaFX runtime components are
 * missing"). Without arguments it opens the window; with a command it hands over to the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args.length == 0 ? new String[] {"window"} : args));
    }
}
