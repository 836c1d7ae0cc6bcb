package io.neuralplayground.data.images;

/**
 * The four files of an MNIST-style image collection, by their standard names: training images and labels, test
 * images and labels. Each may be plain ({@code train-images-idx3-ubyte}) or gzip-compressed
 * ({@code train-images-idx3-ubyte.gz}), as the collections are published.
 */
public enum ImageFile {
    TRAIN_IMAGES("train-images-idx3-ubyte"),
    TRAIN_LABELS("train-labels-idx1-ubyte"),
    TEST_IMAGES("t10k-images-idx3-ubyte"),
    TEST_LABELS("t10k-labels-idx1-ubyte");

    private final String plainName;

    ImageFile(String plainName) {
        this.plainName = plainName;
    }

    /** The name without compression: {@code train-images-idx3-ubyte}. */
    public String plainName() {
        return plainName;
    }

    /** The name as published, gzip-compressed: {@code train-images-idx3-ubyte.gz}. */
    public String gzipName() {
        return plainName + ".gz";
    }

    /** Whether the file holds images (an IDX file of three dimensions) rather than labels (one dimension). */
    public boolean holdsImages() {
        return this == TRAIN_IMAGES || this == TEST_IMAGES;
    }

    /** Whether the file belongs to the training set rather than the test set. */
    public boolean isTraining() {
        return this == TRAIN_IMAGES || this == TRAIN_LABELS;
    }
}
