package io.neuralplayground.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A file in {@code dir} that holds {@code content}. */
    private Path existing(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** {@code target} holds {@code content}, and is alone in its folder: no temporary file is left beside it. */
    private void assertAlone(Path target, String content) throws IOException {
        assertThat(target).hasContent(content);
        assertThat(namesIn(target.getParent())).containsExactly(target.getFileName().toString());
    }

    private static IoWriter text(String content) {
        return out -> out.write(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesANewFileAndCreatesItsParents() throws IOException {
        Path target = dir.resolve("a/b/c/model.json");

        AtomicFiles.write(target, text("hello"));

        assertAlone(target, "hello");
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = existing("model.json", "old content that is longer than the new one");

        AtomicFiles.write(target, text("new"));

        assertAlone(target, "new");
    }

    @Test
    void aFailingBodyLeavesTheExistingFileUntouchedAndNoTemporaryFile() throws IOException {
        Path target = existing("model.json", "the good old model");
        byte[] lots = new byte[1 << 20]; // more than the buffer, so that part of it reaches the temporary file

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(lots);
            out.write("half a mod".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot write " + target + ": No space left on device");

        assertAlone(target, "the good old model");
    }

    @Test
    void aRuntimeExceptionFromTheBodyPassesUnchangedAndLeavesNothingBehind() throws IOException {
        Path target = existing("model.json", "the good old model");
        IllegalStateException failure = new IllegalStateException("bug in the writer");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw failure;
        })).isSameAs(failure);

        assertAlone(target, "the good old model");
    }

    @Test
    void aFailingBodyLeavesNoFileWhereThereWasNone() throws IOException {
        Path target = dir.resolve("new.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("disk on fire");
        })).isExactlyInstanceOf(PlaygroundException.class).hasMessageContaining(target.toString());

        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void aBodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");

        AtomicFiles.write(target, out -> {
            out.write("closed early".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        assertThat(target).hasContent("closed early");
    }

    @Test
    void aDirectoryInTheWayIsReportedAndLeftAlone() throws IOException {
        Path target = dir.resolve("model.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "keep me");

        assertThatThrownBy(() -> AtomicFiles.write(target, text("x")))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot write " + target + ": it is a directory, not a regular file; choose a file name");

        assertThat(target.resolve("inside.txt")).hasContent("keep me");
        assertThat(namesIn(dir)).containsExactly("model.json");
    }

    @Test
    void aFileWhereAParentShouldBeIsReported() throws IOException {
        Files.writeString(dir.resolve("models"), "a file, not a directory");
        Path target = dir.resolve("models/model.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, text("x")))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot write " + target + ": a file is in the way");

        assertThat(dir.resolve("models")).hasContent("a file, not a directory");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = existing("shared.json", "old");
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, permissions);

        AtomicFiles.write(target, text("new"));

        assertThat(target).hasContent("new");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(permissions);
    }

    @Test
    void aNewFileIsNotPrivateToItsOwner() throws IOException {
        // Files.createTempFile would give rw------- and the rename would pass that on to the target.
        Path target = dir.resolve("new.json");

        AtomicFiles.write(target, text("new"));

        assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ)
                .isEqualTo(Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain"), "x")));
    }

    @Test
    void writingThroughASymbolicLinkReplacesTheFileItPointsTo() throws IOException {
        Path real = existing("real.json", "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        AtomicFiles.write(link, text("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(namesIn(dir)).containsExactly("link.json", "real.json");
    }

    @Test
    void aFileWrittenByNameReplacesTheTargetInOneStep() throws IOException {
        Path target = existing("model.weights.h5", "old");

        AtomicFiles.writeFile(target, temp -> {
            assertThat(temp.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(target).hasContent("old");
            // As jhdf does: the library replaces the file by name.
            Files.delete(temp);
            Files.writeString(temp, "new");
        });

        assertAlone(target, "new");
    }

    @Test
    void aFailingFileBodyLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = existing("model.weights.h5", "the good old model");

        assertThatThrownBy(() -> AtomicFiles.writeFile(target, temp -> {
            Files.writeString(temp, "half a mod");
            throw new IllegalStateException("the self-check failed");
        })).isExactlyInstanceOf(IllegalStateException.class);

        assertAlone(target, "the good old model");
    }
}
