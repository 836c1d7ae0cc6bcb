package io.neuralplayground.data.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the four files of an image collection are read from: a folder (the user's, the system's, the download
 * cache) or the small subset bundled in the application's jar. {@link ImageSources} finds them;
 * {@link ImageDataReader} reads them.
 */
public final class ImageSource {
    /** The places, in the order {@link ImageSources} looks at them. */
    public enum Kind {
        /** A folder the user picked. */
        USER_FOLDER,
        /** A folder a system package installs (Debian's {@code dataset-fashion-mnist}). */
        SYSTEM_PACKAGE,
        /** The folder downloads go to, in the user's home. */
        CACHE,
        /** The subset in the application's jar: a few thousand images, enough to try things. */
        BUNDLED
    }

    private final Kind kind;
    private final ImageCollection collection;
    private final ImageFolder folder;
    private final String resources;

    private ImageSource(Kind kind, ImageCollection collection, ImageFolder folder, String resources) {
        this.kind = kind;
        this.collection = Objects.requireNonNull(collection);
        this.folder = folder;
        this.resources = resources;
    }

    /**
     * The files of {@code folder}.
     *
     * @throws io.neuralplayground.data.DataFileException naming the folder and the files it lacks, if any
     */
    public static ImageSource folder(Kind kind, ImageCollection collection, Path folder) {
        if (kind == Kind.BUNDLED) {
            throw new IllegalArgumentException("the bundled subset is not a folder");
        }
        ImageFolder files = ImageFolder.of(folder);
        files.requireComplete();
        return new ImageSource(kind, collection, files, null);
    }

    /**
     * The four {@code .gz} files under the class-path folder {@code resources} ("datasets/fashion-mnist-subset/"),
     * if all four are there.
     */
    static Optional<ImageSource> bundled(ImageCollection collection, String resources) {
        for (ImageFile file : ImageFile.values()) {
            if (resource(resources + file.gzipName()) == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new ImageSource(Kind.BUNDLED, collection, null, resources));
    }

    public Kind kind() {
        return kind;
    }

    public ImageCollection collection() {
        return collection;
    }

    /** The folder read from; empty for the bundled subset. */
    public Optional<Path> folder() {
        return folder == null ? Optional.empty() : Optional.of(folder.folder());
    }

    /** Whether this is only the bundled subset of the collection rather than all of it. */
    public boolean isSubset() {
        return kind == Kind.BUNDLED;
    }

    /** For a user: "Fashion-MNIST from /usr/share/datasets/fashion-mnist (installed by a system package)". */
    public String description() {
        String where = switch (kind) {
            case USER_FOLDER -> "from " + folder.folder();
            case SYSTEM_PACKAGE -> "from " + folder.folder() + " (installed by a system package)";
            case CACHE -> "from " + folder.folder() + " (downloaded)";
            case BUNDLED -> "(the small subset bundled with Neural Playground)";
        };
        return collection.displayName() + " " + where;
    }

    /** How {@code file} is named in messages: its path, or its resource name in the jar. */
    String name(ImageFile file) {
        return folder != null ? folder.path(file).toString() : resources + file.gzipName();
    }

    /** The file holding {@code file}, when the source is a folder. */
    Optional<Path> path(ImageFile file) {
        return folder == null ? Optional.empty() : Optional.of(folder.path(file));
    }

    /** {@code file}'s length in bytes, or −1 if it cannot be known. */
    long size(ImageFile file) {
        try {
            return folder != null ? Files.size(folder.path(file)) : connection(file).getContentLengthLong();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Opens {@code file} of the bundled subset; the caller closes it. */
    InputStream openResource(ImageFile file) throws IOException {
        return connection(file).getInputStream();
    }

    private URLConnection connection(ImageFile file) throws IOException {
        URL url = resource(resources + file.gzipName());
        if (url == null) {
            throw new IOException("the resource " + name(file) + " is missing from the application");
        }
        return url.openConnection();
    }

    private static URL resource(String name) {
        return ImageSource.class.getClassLoader().getResource(name);
    }

    @Override
    public String toString() {
        return description();
    }
}
