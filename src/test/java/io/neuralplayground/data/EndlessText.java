package io.neuralplayground.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Text that goes on and on: a head, then a unit repeated without end. A reader that means to refuse such text
 * early must stop reading it; one that does not would read for ever, so past {@code limit} characters the text
 * fails with an IOException that says so, and the test fails instead of hanging.
 */
final class EndlessText extends Reader {
    private final String head;
    private final String unit;
    private final long limit;
    private long served;

    EndlessText(String head, String unit, long limit) {
        this.head = head;
        this.unit = unit;
        this.limit = limit;
    }

    /** How many characters have been read so far. */
    long served() {
        return served;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (served >= limit) {
            throw new IOException("read " + served + " characters of endless text: the reader did not stop");
        }
        int n = (int) Math.min(len, limit - served);
        for (int i = 0; i < n; i++, served++) {
            buffer[off + i] = served < head.length() ? head.charAt((int) served)
                    : unit.charAt((int) ((served - head.length()) % unit.length()));
        }
        return n;
    }

    @Override
    public void close() {
    }
}
