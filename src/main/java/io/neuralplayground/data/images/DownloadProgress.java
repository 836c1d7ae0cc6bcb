package io.neuralplayground.data.images;

/**
 * How far a download is: file {@code index} (from 0) of {@code count}, named {@code file}, has {@code done} of its
 * {@code total} bytes ({@code total} is −1 while the server has not said). A resumed download starts at the bytes
 * it already had.
 */
public record DownloadProgress(String file, int index, int count, long done, long total) {
    /** The fraction of this file done, 0 … 1, or −1 while its length is not known. */
    public double fileFraction() {
        return total > 0 ? Math.min(1, (double) done / total) : total == 0 ? 1 : -1;
    }
}
