package io.neuralplayground.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.testing.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An atomic write replaces only a regular file or nothing: it writes through symbolic links and refuses devices,
 * named pipes, sockets and directories before writing anything (run as root, a rename over {@code /dev/full} once
 * turned the device into a file).
 *
 * <p>No test here can harm a real device: the bodies fail the test if they are ever called, and a write whose body
 * fails renames nothing, so even a broken check would leave {@code /dev/null} as it is.
 */
class AtomicFilesSpecialFilesTest {
    private static final Path DEV_NULL = Path.of("/dev/null");

    @TempDir
    Path dir;

    private List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static IoWriter text(String content) {
        return out -> out.write(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A body that must never run: the target is refused before anything is written. */
    private static IoWriter never() {
        return out -> {
            throw new AssertionError("the body ran: the target was not refused before the write");
        };
    }

    private static void assertRefused(Path target, String problem) {
        assertThatThrownBy(() -> AtomicFiles.write(target, never()))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot write " + target + ": " + problem);
        assertThatThrownBy(() -> AtomicFiles.writeFile(target, temp -> {
            throw new AssertionError("the body ran: the target was not refused before the write");
        })).isExactlyInstanceOf(PlaygroundException.class).hasMessage("Cannot write " + target + ": " + problem);
        assertThatThrownBy(() -> AtomicFiles.checkTarget(target))
                .isExactlyInstanceOf(PlaygroundException.class).hasMessage("Cannot write " + target + ": " + problem);
    }

    @Test
    void aNamedPipeIsRefusedAndStaysAPipe() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("model.json"));

        assertRefused(fifo, "it is a named pipe (FIFO), not a regular file; choose a file name");

        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.FIFO);
        assertThat(namesIn(dir)).containsExactly("model.json");
    }

    @Test
    void aDeviceIsRefusedBeforeAnythingIsWritten() throws IOException {
        assertThat(FileKind.of(DEV_NULL)).isEqualTo(FileKind.DEVICE);

        assertRefused(DEV_NULL, "it is a device, not a regular file; choose a file name");

        assertThat(FileKind.of(DEV_NULL)).isEqualTo(FileKind.DEVICE);
    }

    @Test
    void aSocketIsRefused() throws IOException {
        Path socket = SpecialFiles.socket(dir.resolve("s"));
        assertThat(FileKind.of(socket)).isEqualTo(FileKind.SOCKET);

        assertRefused(socket, "it is a socket, not a regular file; choose a file name");

        assertThat(FileKind.of(socket)).isEqualTo(FileKind.SOCKET);
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("model.json"));

        assertRefused(directory, "it is a directory, not a regular file; choose a file name");

        assertThat(namesIn(dir)).containsExactly("model.json");
        assertThat(namesIn(directory)).isEmpty();
    }

    @Test
    void aLinkToAFileWritesTheFileAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        // Relative, as most links are: read from the link's own directory, not the working one.
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        Path second = Files.createSymbolicLink(dir.resolve("second.json"), link);

        AtomicFiles.write(second, text("new"));

        assertThat(real).hasContent("new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isSymbolicLink(second)).isTrue();
        assertThat(namesIn(dir)).containsExactly("link.json", "real.json", "second.json");
    }

    @Test
    void aLinkIntoAnotherDirectoryWritesThereWithItsTemporaryFileBesideTheTarget() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path real = Files.writeString(elsewhere.resolve("real.json"), "old");
        Path here = Files.createDirectory(dir.resolve("here"));
        Path link = Files.createSymbolicLink(here.resolve("link.json"), Path.of("../elsewhere/real.json"));

        AtomicFiles.writeFile(link, temp -> {
            assertThat(temp.getParent().toRealPath()).isEqualTo(elsewhere.toRealPath());
            Files.writeString(temp, "new");
        });

        assertThat(real).hasContent("new");
        assertThat(namesIn(elsewhere)).containsExactly("real.json");
        assertThat(namesIn(here)).containsExactly("link.json");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aLinkToNothingCreatesTheFileItNamesAndStaysALink() throws IOException {
        // Decided so because a program writing through such a link does the same (echo > link creates the file).
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("model.json"));

        AtomicFiles.write(link, text("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("model.json")).hasContent("new");
        assertThat(namesIn(dir)).containsExactly("link.json", "model.json");
    }

    @Test
    void aLinkToNothingInADirectoryThatDoesNotExistIsRefused() throws IOException {
        // Creating directories at the far end of a link would be a surprise; an ordinary missing parent is created.
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("missing/model.json"));

        assertRefused(link, "it is a symbolic link to " + dir.toAbsolutePath().resolve("missing/model.json")
                + ", whose directory does not exist: create the directory, or choose another file name");

        assertThat(namesIn(dir)).containsExactly("link.json");
    }

    @Test
    void aLinkToADeviceOrAPipeIsRefusedAndStaysALink() throws Exception {
        Path toDevice = Files.createSymbolicLink(dir.resolve("device.json"), DEV_NULL);
        Path fifo = SpecialFiles.fifo(dir.resolve("fifo"));
        Path toFifo = Files.createSymbolicLink(dir.resolve("fifo.json"), Path.of("fifo"));

        assertRefused(toDevice, "it is a symbolic link to /dev/null, which is a device, not a regular file; choose "
                + "a file name");
        assertRefused(toFifo, "it is a symbolic link to " + fifo.toAbsolutePath() + ", which is a named pipe (FIFO), "
                + "not a regular file; choose a file name");

        assertThat(Files.isSymbolicLink(toDevice)).isTrue();
        assertThat(Files.isSymbolicLink(toFifo)).isTrue();
        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.FIFO);
        assertThat(namesIn(dir)).containsExactly("device.json", "fifo", "fifo.json");
        // Gone before JUnit cleans up, which would warn about a link that leads out of its directory.
        Files.delete(toDevice);
    }

    @Test
    void aLoopOfLinksIsRefused() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = Files.createSymbolicLink(dir.resolve("b.json"), a);
        Files.createSymbolicLink(a, b);

        assertRefused(a, "it is a chain of more than 40 symbolic links, which loops or goes on too long: choose a "
                + "file name");
    }

    @Test
    void somethingThatTakesTheTargetsPlaceDuringTheWriteIsLeftAlone() throws Exception {
        Path target = Files.writeString(dir.resolve("model.json"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            try {
                Files.delete(target);
                SpecialFiles.fifo(target);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        })).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot write " + target + ": it became a named pipe (FIFO) while it was written, and is "
                        + "left alone; choose a file name");

        assertThat(FileKind.of(target)).isEqualTo(FileKind.FIFO);
        assertThat(namesIn(dir)).containsExactly("model.json");
    }

    @Test
    void whatAPathNames() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(FileKind.of(file)).isEqualTo(FileKind.REGULAR);
        assertThat(FileKind.of(dir)).isEqualTo(FileKind.DIRECTORY);
        assertThat(FileKind.of(dir.resolve("nothing"))).isEqualTo(FileKind.MISSING);
        assertThat(FileKind.of(Files.createSymbolicLink(dir.resolve("l"), file))).isEqualTo(FileKind.SYMBOLIC_LINK);
        assertThat(FileKind.of(Files.createSymbolicLink(dir.resolve("d"), Path.of("gone"))))
                .isEqualTo(FileKind.SYMBOLIC_LINK);
    }
}
