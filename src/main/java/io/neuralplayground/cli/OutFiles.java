package io.neuralplayground.cli;

import io.neuralplayground.io.files.AtomicFiles;
import java.nio.file.Path;

/**
 * The {@code --out} options: a file, or {@code -} for standard output where the command's output is text and
 * standard output holds nothing else ({@code export} and {@code import}). A file really named "-" is {@code ./-}.
 */
final class OutFiles {
    /** The name that means standard output. */
    static final String STANDARD_OUTPUT = "-";

    private OutFiles() {
    }

    static boolean isStandardOutput(Path out) {
        return out != null && out.toString().equals(STANDARD_OUTPUT);
    }

    /**
     * Refuses, before a command does its work, an {@code --out} it could not write at the end: {@code -} (for
     * the reason {@code whyNotStandardOutput}), or a name that is not a regular file (a device, a named pipe, a
     * directory …, see {@link AtomicFiles#checkTarget}). Training for an hour and then being told the name is a
     * directory helps no one.
     */
    static void checkEarly(Path out, String whyNotStandardOutput) {
        if (out == null) {
            return;
        }
        if (isStandardOutput(out)) {
            throw new IllegalArgumentException("--out -: " + whyNotStandardOutput + "; give a file name (a file "
                    + "named - is ./-)");
        }
        AtomicFiles.checkTarget(out);
    }
}
