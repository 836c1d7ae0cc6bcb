package io.neuralplayground.io.files;

import io.neuralplayground.PlaygroundException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader, a crash or a full disk never sees half a file: the content goes to a temporary
 * file beside the target, is forced to the disk, and only then renamed over the target in one step.
 *
 * <p>The temporary file lives in the target's own directory because a rename is atomic only within one file
 * system. Until the rename, any existing target stays exactly as it was; after a failure the temporary file is
 * deleted.
 *
 * <p>A process killed mid-write (SIGKILL, a power cut) cannot delete its temporary file. Each temporary name holds
 * the writing process's id, so the next write into the same directory deletes the ones whose process is gone (see
 * {@link #deleteStaleTemps}); a temporary file of a writer still running is left alone.
 *
 * <p>A rename replaces whatever the name held, so only a regular file (or nothing) is replaced: through a symbolic
 * link the file it finally points to is written, the link staying a link; a directory, a device, a named pipe or a
 * socket is refused before anything is written (see {@link WriteTarget}).
 */
public final class AtomicFiles {
    private static final int BUFFER_SIZE = 1 << 16;
    /** Keeps temporary names well below the 255-byte limit of common file systems. */
    private static final int MAX_NAME_IN_TEMP = 100;
    /** A temporary file's name: a dot, the target's name (cut), the writer's process id, a random suffix, .tmp. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.p(\\d+)-[0-9a-z]+\\.tmp");
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} by what {@code body} writes, creating missing parent directories.
     *
     * <p>The stream handed to {@code body} is buffered and need not be closed (closing it only flushes). An
     * {@link IOException} becomes a {@link PlaygroundException} naming the target; a {@link RuntimeException}
     * thrown by {@code body} is passed on unchanged. Either way the target is untouched.
     */
    public static void write(Path target, IoWriter body) {
        writeFile(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
                body.writeTo(new UnclosableStream(out));
                out.flush();
            }
        });
    }

    /**
     * Replaces {@code target} by the file {@code body} writes at the path it is given, for libraries that write
     * whole files by name (jhdf). The path is a new empty file beside the target; {@code body} may replace it,
     * write it and read it back to check it. Only after {@code body} returns is the file forced to the disk and
     * renamed over the target. Failures are handled as in {@link #write(Path, IoWriter)}.
     */
    public static void writeFile(Path target, FileBody body) {
        Path destination;
        try {
            // Before anything is written: a refusal leaves no temporary file, even beside a device.
            destination = WriteTarget.resolve(target);
        } catch (IOException e) {
            throw failure(target, e);
        }
        Path temp = null;
        boolean done = false;
        try {
            Path dir = destination.getParent();
            Files.createDirectories(dir);
            deleteStaleTemps(dir);
            temp = createTemp(dir, destination.getFileName().toString());
            body.writeTo(temp);
            // Without this the rename may reach the disk before the data: a crash would leave an empty file.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            // Only now: the permissions of a read-only target would have kept us from writing the content.
            copyPermissions(destination, temp);
            WriteTarget.recheck(target, destination);
            move(temp, destination);
            done = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            if (!done && temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Writes the content of a file at a path it is given; see {@link #writeFile}. */
    @FunctionalInterface
    public interface FileBody {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Checks that {@link #write} could replace {@code target}, without writing anything: for a command that works a
     * while before it writes (training, rendering), so that a bad name is refused before the work, not after it.
     *
     * @throws PlaygroundException as {@link #write} would for a target that is not a regular file, nothing, or a
     *     symbolic link to one of them
     */
    public static void checkTarget(Path target) {
        try {
            WriteTarget.resolve(target);
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * A new file named after the target, so that one left behind by a crash or a killed process says where it
     * came from; hidden (leading dot) so that it does not show up in file choosers.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        String stem = name.length() > MAX_NAME_IN_TEMP ? name.substring(0, MAX_NAME_IN_TEMP) : name;
        while (true) {
            String suffix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            Path temp = dir.resolve("." + stem + ".p" + PID + "-" + suffix + ".tmp");
            try {
                // Not Files.createTempFile: it makes the file readable by its owner only, and the rename would
                // hand those permissions to the target. Created here it gets the usual ones (the umask's).
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // Another writer picked the same name: draw again.
            }
        }
    }

    /**
     * Deletes the temporary files in {@code dir} that writers killed mid-write left behind: those named as
     * {@link #createTemp} names them whose process is no longer running. A process id may have been given to a new
     * process since: a temporary file last changed before that process started is stale all the same. Files of this
     * process and of other running writers are kept; anything that goes wrong only leaves a file where it was.
     *
     * @return the number of files deleted
     */
    static int deleteStaleTemps(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                Matcher m = TEMP_NAME.matcher(temp.getFileName().toString());
                if (m.matches() && isStale(temp, m.group(1)) && Files.deleteIfExists(temp)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up is a courtesy: the write itself goes on.
        }
        return deleted;
    }

    private static boolean isStale(Path temp, String pidText) throws IOException {
        long pid;
        try {
            pid = Long.parseLong(pidText);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == PID || !Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isPresent() && Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant()
                .isBefore(started.get());
    }

    /** A replaced file keeps the permissions the user gave it, as it would if it were written in place. */
    private static void copyPermissions(Path from, Path to) {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || target == null || !Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = source.readAttributes().permissions();
            target.setPermissions(permissions);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the content matters more than the mode bits.
        }
    }

    private static void move(Path temp, Path destination) throws IOException {
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network mounts) refuse atomic renames; a plain replace is the best left.
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes the rename itself durable. Possible on Linux and macOS; Windows cannot open a directory this way,
     * where NTFS journals the rename anyway, so a failure here is ignored.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Best effort, see above: the file is already in place.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more to do: the original error is the one worth reporting.
        }
    }

    private static PlaygroundException failure(Path target, IOException e) {
        return new PlaygroundException("Cannot write " + target + ": " + IoErrors.reason(e, target), e);
    }

    /**
     * Keeps the body from closing the file before it is forced to disk: Jackson, for one, closes the stream it
     * writes to when it is done.
     */
    private static final class UnclosableStream extends FilterOutputStream {
        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
