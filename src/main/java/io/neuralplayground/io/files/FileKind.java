package io.neuralplayground.io.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path names, the path itself and not what a symbolic link there points to: nothing, a regular file, a
 * directory, a link, or one of the special files that a rename must never replace (a device, a named pipe, a
 * socket).
 *
 * <p>Java's {@link BasicFileAttributes} tells regular files, directories and links apart, and lumps every other
 * kind into "other"; the Unix file mode ({@code unix:mode}, the {@code st_mode} of stat(2)) says which: its type
 * bits {@code S_IFMT} are 0010000 for a FIFO, 0020000 for a character device, 0060000 for a block device and
 * 0140000 for a socket. Where the JDK offers no Unix view (Windows), an "other" file stays {@link #OTHER}.
 */
public enum FileKind {
    MISSING("nothing"),
    REGULAR("a regular file"),
    DIRECTORY("a directory"),
    SYMBOLIC_LINK("a symbolic link"),
    DEVICE("a device"),
    FIFO("a named pipe (FIFO)"),
    SOCKET("a socket"),
    OTHER("a special file");

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** "a directory", "a device", "a named pipe (FIFO)" … for messages. */
    public String description() {
        return description;
    }

    /** What {@code path} names, not following a symbolic link there. */
    public static FileKind of(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (FileSystemException e) {
            // "Not a directory": a file stands where a parent directory should be, so nothing can be here; creating
            // the parents will say what is in the way.
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return MISSING;
            }
            throw e;
        }
        if (attributes.isRegularFile()) {
            return REGULAR;
        }
        if (attributes.isDirectory()) {
            return DIRECTORY;
        }
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        return special(path);
    }

    private static FileKind special(Path path) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return OTHER;
        }
        return switch (mode & S_IFMT) {
            case S_IFCHR, S_IFBLK -> DEVICE;
            case S_IFIFO -> FIFO;
            case S_IFSOCK -> SOCKET;
            default -> OTHER;
        };
    }
}
