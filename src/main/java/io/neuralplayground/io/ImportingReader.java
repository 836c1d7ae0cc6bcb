package io.neuralplayground.io;

import java.nio.file.Path;

/**
 * A reader with notes to give on what it reads (the Keras formats: layers of the file's model left out or folded
 * into the Dense layers). It implements {@link #importModel}; {@link #read} is the same without the notes.
 */
public interface ImportingReader extends ModelReader {
    @Override
    ImportedModel importModel(Path file);

    @Override
    default Model read(Path file) {
        return importModel(file).model();
    }
}
