package io.neuralplayground.cli;

import picocli.CommandLine.Option;

/**
 * Examples typed on the command line, {@code --input} with its {@code --target}, for the commands that take one
 * (gradcheck, and screenshot for its teaching views).
 *
 * <p>The descriptions here are the plain ones; a command that says more names its own under the keys
 * {@code example.input} and {@code example.target} in its resource bundle (see {@link ScreenshotTexts}).
 */
final class ExampleOptions {
    @Option(names = "--input", paramLabel = "X", descriptionKey = "example.input",
            description = "Inputs, comma-separated; examples separated by ';'.")
    String input;

    @Option(names = "--target", paramLabel = "T", descriptionKey = "example.target",
            description = "Targets for --input, in the same form.")
    String target;

    /** Refuses one option without the other, before any work is done. */
    void check() {
        if ((input == null) != (target == null)) {
            throw new IllegalArgumentException("--input and --target go together");
        }
    }

    /** Whether examples were given: both options (one without the other is refused). */
    boolean given() {
        check();
        return input != null;
    }

    /** The inputs, one row per example. */
    double[][] inputs() {
        return Numbers.rows(input, "--input");
    }

    /** The targets, one row per example. */
    double[][] targets() {
        return Numbers.rows(target, "--target");
    }
}
