package io.neuralplayground.cli;

import io.neuralplayground.PlaygroundException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the command line: parses the arguments with picocli and turns every error a user can cause into one clear
 * line on standard error and a non-zero exit code, never a stack trace.
 *
 * <p>Exit codes: 0 success, 1 the command could not do its work (bad file, bad value, training diverged, a check
 * failed), 2 the command line itself was wrong.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Runs with the process's standard output and error. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    /** Runs with the given output and error streams (tests capture them). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = create(out, err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Whether {@code name} is one of the commands (train, export, window …). */
    public static boolean isCommand(String name) {
        return new CommandLine(new RootCommand()).getSubcommands().containsKey(name);
    }

    static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("error: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof PlaygroundException || ex instanceof IllegalArgumentException) {
                failed.getErr().println("error: " + ex.getMessage());
                return FAILED;
            }
            throw ex;
        });
        return commandLine;
    }
}
