package io.neuralplayground.data.images;

/**
 * The images of one IDX image file as {@link IdxReader} read them: {@code count} images of {@code rows × cols}
 * unsigned bytes, image after image, each row after row ({@code pixels[(i·rows + r)·cols + c]} is pixel (r, c) of
 * image i; in MNIST and Fashion-MNIST 0 is the background and 255 the strongest foreground).
 *
 * <p>The array is the reader's, handed over: whoever makes an {@link ImageSet} of it keeps it and nobody else
 * writes to it.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    public IdxImages {
        if (count < 0 || rows < 1 || cols < 1 || pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("IDX images of " + count + " × " + rows + " × " + cols
                    + " need " + (long) count * rows * cols + " pixels, not " + pixels.length);
        }
    }

    /** Pixels per image: rows · cols. */
    public int pixelsPerImage() {
        return rows * cols;
    }
}
