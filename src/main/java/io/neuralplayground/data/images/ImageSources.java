package io.neuralplayground.data.images;

import io.neuralplayground.PlaygroundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an image collection's files are looked for, in this order:
 * <ol>
 *   <li>a folder the user picks (it must then hold all four files: the user asked for that one);</li>
 *   <li>the folder a system package installs: {@code /usr/share/datasets/fashion-mnist} for Debian's
 *       {@code dataset-fashion-mnist};</li>
 *   <li>the download cache in the user's home, {@code ~/.neural-playground/datasets/fashion-mnist}
 *       ({@link #cacheFolder()}), where {@link ImageDownload} puts the files;</li>
 *   <li>the subset bundled in the application's jar, under the resource folder
 *       {@value #BUNDLED_FASHION_MNIST}: 2,000 training and 500 test images.</li>
 * </ol>
 * A folder of the last three counts only when it holds all four files, so a download that stopped halfway is
 * passed over. The home folder is the same on every platform, so that one path can be told to users; tests give
 * their own.
 */
public final class ImageSources {
    /** Where Debian's package {@code dataset-fashion-mnist} installs the four official {@code .gz} files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class-path folder of the bundled Fashion-MNIST subset (the project's {@code datasets/} folder). */
    public static final String BUNDLED_FASHION_MNIST = "datasets/fashion-mnist-subset/";

    /** The application's folder in the user's home. */
    public static final String HOME_FOLDER = ".neural-playground";

    private final ImageCollection collection;
    private final Path home;
    private final Path systemFolder;
    private final String bundled;

    /**
     * @param home the user's home folder, under which the cache is
     * @param systemFolder a system package's folder of the collection, or null if there is none
     * @param bundledResources the class-path folder of a bundled subset (ending in '/'), or null if there is none
     */
    public ImageSources(ImageCollection collection, Path home, Path systemFolder, String bundledResources) {
        this.collection = collection;
        this.home = home;
        this.systemFolder = systemFolder;
        this.bundled = bundledResources;
    }

    /** The places on this machine: the user's home, and for Fashion-MNIST Debian's folder and the bundled subset. */
    public static ImageSources standard(ImageCollection collection) {
        boolean fashion = collection == ImageCollection.FASHION_MNIST;
        return new ImageSources(collection, Path.of(System.getProperty("user.home")),
                fashion ? DEBIAN_FASHION_MNIST : null, fashion ? BUNDLED_FASHION_MNIST : null);
    }

    public ImageCollection collection() {
        return collection;
    }

    /** Where downloads go: {@code HOME/.neural-playground/datasets/COLLECTION} ("fashion-mnist"). */
    public Path cacheFolder() {
        return home.resolve(HOME_FOLDER).resolve("datasets").resolve(collection.folderName());
    }

    /** The places after a user's folder that hold the whole collection (or the bundled subset), in order. */
    public List<ImageSource> available() {
        List<ImageSource> found = new ArrayList<>();
        if (systemFolder != null && ImageFolder.of(systemFolder).isComplete()) {
            found.add(ImageSource.folder(ImageSource.Kind.SYSTEM_PACKAGE, collection, systemFolder));
        }
        if (ImageFolder.of(cacheFolder()).isComplete()) {
            found.add(ImageSource.folder(ImageSource.Kind.CACHE, collection, cacheFolder()));
        }
        if (bundled != null) {
            ImageSource.bundled(collection, bundled).ifPresent(found::add);
        }
        return found;
    }

    /** The first place that holds the whole collection, not only a subset, if any does. */
    public Optional<ImageSource> fullCollection() {
        return available().stream().filter(s -> !s.isSubset()).findFirst();
    }

    /**
     * Where to read from: {@code userFolder} if one is given, otherwise the first of {@link #available()}.
     *
     * @param userFolder a folder the user picked, or null
     * @throws io.neuralplayground.data.DataFileException if the user's folder lacks one of the four files (it
     *     names them)
     * @throws PlaygroundException if no folder is given and no place holds the collection
     */
    public ImageSource choose(Path userFolder) {
        if (userFolder != null) {
            return ImageSource.folder(ImageSource.Kind.USER_FOLDER, collection, userFolder);
        }
        List<ImageSource> found = available();
        if (found.isEmpty()) {
            throw new PlaygroundException("The " + collection.displayName() + " files were not found in "
                    + cacheFolder() + (systemFolder != null ? " nor in " + systemFolder : "") + ": "
                    + (collection.downloadBase().isPresent() ? "download them, or " : "")
                    + "choose a folder that holds train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                    + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each plain or with .gz)");
        }
        return found.get(0);
    }
}
