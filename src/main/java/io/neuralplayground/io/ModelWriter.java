package io.neuralplayground.io;

import java.nio.file.Path;

/** Writes a model to a file in one format. */
@FunctionalInterface
public interface ModelWriter {
    /**
     * Writes {@code model} to {@code file}, atomically (a temporary file beside it, then moved into place: a crash
     * never leaves half a file).
     *
     * @throws io.neuralplayground.PlaygroundException naming the file, for a model the format cannot hold (a weight
     *     that is not a finite number, an activation the format has no name for) or a failed write
     */
    void write(Model model, Path file);
}
