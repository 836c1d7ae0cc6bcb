package io.neuralplayground.io.files;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a write to a path replaces, and whether it may. An atomic write renames a new file over its target, and
 * a rename replaces whatever the name held: run as root, a model written to {@code /dev/full} would turn the device
 * into a regular file, and one written to a named pipe would put a file where a program waits to read. So:
 * <ul>
 *   <li>a regular file, or nothing, is the target itself;</li>
 *   <li>a symbolic link is followed, link after link (a relative one from the directory it is in), to the file it
 *       finally names, which is replaced, so the link stays a link, as it does when a program writes through it;
 *       a link to nothing creates the file it names, if that file's directory exists;</li>
 *   <li>anything else — a directory, a device, a named pipe, a socket — is refused, with a message that names the
 *       path and what it is.</li>
 * </ul>
 */
final class WriteTarget {
    /** As Linux's limit (MAXSYMLINKS), beyond which a chain of links is taken for a loop. */
    private static final int MAX_LINKS = 40;

    private WriteTarget() {
    }

    /**
     * The absolute path of the file to replace for a write to {@code target}.
     *
     * @throws PlaygroundException if that is not a regular file or nothing, or a link leads nowhere usable
     */
    static Path resolve(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int links = 0; ; links++) {
            FileKind kind = FileKind.of(path);
            if (kind == FileKind.REGULAR) {
                return path;
            }
            if (kind == FileKind.MISSING) {
                if (links > 0 && !Files.isDirectory(path.getParent())) {
                    throw refused(target, "it is a symbolic link to " + path + ", whose directory does not exist: "
                            + "create the directory, or choose another file name");
                }
                return path;
            }
            if (kind != FileKind.SYMBOLIC_LINK) {
                throw refused(target, (links == 0 ? "it is " : "it is a symbolic link to " + path + ", which is ")
                        + kind.description() + ", not a regular file; choose a file name");
            }
            if (links == MAX_LINKS) {
                throw refused(target, "it is a chain of more than " + MAX_LINKS + " symbolic links, which loops "
                        + "or goes on too long: choose a file name");
            }
            path = path.resolveSibling(Files.readSymbolicLink(path));
        }
    }

    /**
     * Checks, just before the rename, that {@code destination} (a result of {@link #resolve}) is still a regular
     * file or nothing: something else may have taken its place while the content was written.
     */
    static void recheck(Path target, Path destination) throws IOException {
        FileKind kind = FileKind.of(destination);
        if (kind != FileKind.REGULAR && kind != FileKind.MISSING) {
            throw refused(target, (destination.equals(target.toAbsolutePath()) ? "it" : destination)
                    + " became " + kind.description() + " while it was written, and is left alone; choose a file "
                    + "name");
        }
    }

    private static PlaygroundException refused(Path target, String problem) {
        return new PlaygroundException("Cannot write " + target + ": " + problem);
    }
}
