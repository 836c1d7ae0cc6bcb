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

    /** The name a writer with process id {@code pid} gives its temporary file for {@code target}. */
    private static String tempName(String target, long pid) {
        return "." + target + ".p" + pid + "-1x2y3z.tmp";
    }

    @Test
    void theTemporaryFileNamesItsTargetAndItsProcess() throws IOException {
        Path target = existing("model.json", "old");
        long pid = ProcessHandle.current().pid();

        AtomicFiles.writeFile(target, temp -> {
            assertThat(temp.getFileName().toString()).matches("\\.model\\.json\\.p" + pid + "-[0-9a-z]+\\.tmp");
            Files.writeString(temp, "new");
        });

        assertAlone(target, "new");
    }

    @Test
    void theNextWriteIntoTheFolderDeletesTemporaryFilesOfWritersThatWereKilled() throws IOException {
        // Above Linux's largest process id (2^22): no process has it.
        long gone = 999_999_999L;
        existing(tempName("model.json", gone), "half a model, its writer killed");
        existing(tempName("other.keras", gone), "half an archive");
        Path target = existing("model.json", "old");

        AtomicFiles.write(target, text("new"));

        assertAlone(target, "new");
    }

    @Test
    void aTemporaryFileOfARunningWriterIsKept() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Path live = existing(tempName("model.json", other.pid()), "being written");
            Path mine = existing(tempName("mine.json", ProcessHandle.current().pid()), "being written here");

            AtomicFiles.write(dir.resolve("model.json"), text("new"));

            assertThat(live).hasContent("being written");
            assertThat(mine).hasContent("being written here");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void aTemporaryFileOlderThanTheProcessNowHoldingItsIdIsStale() throws Exception {
        // The id was given to a new process since the writer died: the file was last changed before it started.
        Path stale = existing(tempName("model.json", ProcessHandle.current().pid() == 1 ? 2 : 1), "old half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0));

        assertThat(AtomicFiles.deleteStaleTemps(dir)).isEqualTo(1);
        assertThat(stale).doesNotExist();
    }

    @Test
    void filesNotNamedAsTemporaryFilesAreKept() throws IOException {
        List<String> others = List.of(".notes.tmp", "model.json.tmp", ".model.json.p12x-abc.tmp", ".p999999999-a.tmp",
                "model.json.p999999999-abc.tmp");
        for (String name : others) {
            existing(name, "the user's");
        }

        AtomicFiles.write(dir.resolve("model.json"), text("new"));

        assertThat(namesIn(dir)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(others.stream(), Stream.of("model.json")).toList());
    }
}
