package io.neuralplayground.data.images;

import io.neuralplayground.PlaygroundException;
import java.util.Locale;

/**
 * A download stopped because its caller asked it to (its flag, or an interrupt of its thread, whose interrupt
 * status stays set). No file is in its final place half-written: what arrived is kept beside it as
 * {@code NAME.part}, and the next download of the file continues from there. Not a failure, so callers that
 * cancelled show nothing.
 */
public final class DownloadCancelledException extends PlaygroundException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long bytesKept;

    public DownloadCancelledException(String file, long bytesKept) {
        super(String.format(Locale.ROOT, "Downloading %s was cancelled: the %,d bytes received are kept in %s.part, "
                + "and the next download continues from there", file, bytesKept, file));
        this.file = file;
        this.bytesKept = bytesKept;
    }

    /** The name of the file being downloaded. */
    public String file() {
        return file;
    }

    /** How many of its bytes are kept for the next try. */
    public long bytesKept() {
        return bytesKept;
    }
}
