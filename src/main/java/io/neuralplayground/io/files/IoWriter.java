package io.neuralplayground.io.files;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the content of a file to a stream it does not own; see {@link AtomicFiles#write}. */
@FunctionalInterface
public interface IoWriter {
    void writeTo(OutputStream out) throws IOException;
}
