package io.neuralplayground;

import io.neuralplayground.cli.Cli;

/**
 * The application's entry point. It deliberately does not extend JavaFX's {@code Application}: a jar that
 * bundles JavaFX starts only through a main class that does not (otherwise "JavaFX runtime components are
 * missing"). With a command it hands over to the command line; without one it will open the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
