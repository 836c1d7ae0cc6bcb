package io.neuralplayground.data.images;

import java.util.List;
import java.util.Objects;

/**
 * An image collection as read: its training and test sets, which collection it is and where it came from.
 * Both sets have images of one size and the collection's classes.
 */
public record ImageData(ImageCollection collection, ImageSource source, ImageSet train, ImageSet test) {
    public ImageData {
        Objects.requireNonNull(collection);
        Objects.requireNonNull(source);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("training images of " + train.rows() + "×" + train.cols()
                    + " and test images of " + test.rows() + "×" + test.cols());
        }
        if (!train.classNames().equals(collection.classNames()) || !test.classNames().equals(collection.classNames())) {
            throw new IllegalArgumentException("the sets' classes are not " + collection.displayName() + "'s");
        }
    }

    /** The classes' names, by label. */
    public List<String> classNames() {
        return collection.classNames();
    }

    /** Rows of every image. */
    public int rows() {
        return train.rows();
    }

    /** Columns of every image. */
    public int cols() {
        return train.cols();
    }

    /**
     * A balanced subset of both sets ({@link ImageSet#subset(int, long)}), from the same source.
     *
     * @throws io.neuralplayground.PlaygroundException if a class has too few images in either set
     */
    public ImageData subset(int trainPerClass, int testPerClass, long seed) {
        return new ImageData(collection, source, train.subset(trainPerClass, seed), test.subset(testPerClass, seed));
    }
}
