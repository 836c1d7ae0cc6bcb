package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;

/**
 * A read stopped because its caller asked it to ({@link CsvDatasetReader#read(java.nio.file.Path, String, LabelKind,
 * java.util.List, java.util.function.DoubleConsumer, java.util.function.BooleanSupplier)}): nothing was read, no
 * part of a dataset is handed out. Not a problem of the file, so not a {@link DataFileException}; callers that
 * cancelled expect it and show nothing.
 */
public final class ReadCancelledException extends PlaygroundException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public ReadCancelledException(String source) {
        super("Reading " + source + " was cancelled: nothing was read");
        this.source = source;
    }

    /** The file's name or path as the caller gave it. */
    public String source() {
        return source;
    }
}
