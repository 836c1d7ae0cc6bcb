package io.neuralplayground.data.images;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A published collection of 28×28 grey images in the four standard IDX files ({@link ImageFile}): what its classes
 * are called, the folder name it is kept under, and where it can be downloaded from, with the MD5 checksums its
 * authors publish for the four {@code .gz} files.
 *
 * <p>Fashion-MNIST: Zalando Research (Xiao, Rasul and Vollgraf 2017, arXiv:1708.07747), MIT licence; its README
 * gives the download address and the checksums. MNIST: LeCun, Cortes and Burges; its original address now
 * answers 403 and it has no official mirror, so it is read from a folder the user picks and not downloaded.
 */
public enum ImageCollection {
    FASHION_MNIST("Fashion-MNIST", "fashion-mnist",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            Map.of(ImageFile.TRAIN_IMAGES, "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    ImageFile.TRAIN_LABELS, "25c81989df183df01b3e8a0aad5dffbe",
                    ImageFile.TEST_IMAGES, "bef4ecab320f06d8554ea6380940ec79",
                    ImageFile.TEST_LABELS, "bb300cfdad3c16e7a12a480ee83cd310")),
    MNIST("MNIST", "mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), null, Map.of());

    private final String displayName;
    private final String folderName;
    private final List<String> classNames;
    private final URI downloadBase;
    private final Map<ImageFile, String> publishedMd5;

    ImageCollection(String displayName, String folderName, List<String> classNames, URI downloadBase,
            Map<ImageFile, String> publishedMd5) {
        this.displayName = displayName;
        this.folderName = folderName;
        this.classNames = classNames;
        this.downloadBase = downloadBase;
        this.publishedMd5 = publishedMd5.isEmpty() ? Map.of() : new EnumMap<>(publishedMd5);
    }

    /** The collection's name as its authors write it: "Fashion-MNIST". */
    public String displayName() {
        return displayName;
    }

    /** The name of the folder it is kept in (the download cache's, Debian's): "fashion-mnist". */
    public String folderName() {
        return folderName;
    }

    /** The classes' names, by label: label 0 is {@code classNames().get(0)}. */
    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    /** The official address the four {@code .gz} files are under, if the collection can be downloaded. */
    public Optional<URI> downloadBase() {
        return Optional.ofNullable(downloadBase);
    }

    /**
     * The MD5 checksum (32 lower-case hex digits) the authors publish for {@code file}'s {@code .gz} form, if the
     * collection can be downloaded. It is the checksum of the file as served, not of its content: a copy that was
     * compressed again (Debian's is) has other checksums but the same images.
     */
    public Optional<String> publishedMd5(ImageFile file) {
        return Optional.ofNullable(publishedMd5.get(file));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
