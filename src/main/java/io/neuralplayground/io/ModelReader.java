package io.neuralplayground.io;

import java.nio.file.Path;

/** Reads a model from a file in one format. */
@FunctionalInterface
public interface ModelReader {
    /**
     * Reads the model in {@code file}: its inputs' names (made up as x1, x2, … where the format has none), its
     * network (shape, weights, and activations where the format has them).
     *
     * @throws io.neuralplayground.PlaygroundException for anything wrong, naming the file and the problem; no other
     *     exception escapes for bad content
     */
    Model read(Path file);

    /**
     * Reads the model in {@code file} as {@link #read} does, with what the reader has to tell about it (layers of
     * the file's model that were left out or folded into others): see {@link ImportedModel}. Readers of formats
     * that hold only what the playground has tell nothing.
     *
     * @throws io.neuralplayground.PlaygroundException as {@link #read}
     */
    default ImportedModel importModel(Path file) {
        return new ImportedModel(read(file), java.util.List.of());
    }
}
