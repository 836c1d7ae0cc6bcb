package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.cli.CliTest.Run;
import io.neuralplayground.io.files.FileKind;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code --out} options through the command line: a name that is no regular file is refused before the work
 * and left as it is; {@code -} is standard output where the output is text and standard output holds nothing else.
 */
class OutFilesTest {
    private static final String TEXTBOOK = "resources/examples/textbook-2-2-2.json";

    @TempDir
    Path dir;

    private List<String> namesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void trainingToANamedPipeIsRefusedBeforeTrainingAndThePipeStays() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("model.json"));

        Run run = run("train", "--epochs", "1", "--out", fifo.toString());

        assertThat(run.exit()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).isEqualTo("error: Cannot write " + fifo + ": it is a named pipe (FIFO), not a regular "
                + "file; choose a file name\n");
        assertThat(run.out()).as("nothing trained").isEmpty();
        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.FIFO);
        assertThat(namesIn(dir)).containsExactly("model.json");
    }

    @Test
    void trainingToALinkWritesItsTargetAndTheLinkStays() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));

        Run run = run("train", "--epochs", "1", "--out", link.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("{");
    }

    @Test
    void exportAndScreenshotRefuseADeviceOrADirectory() throws Exception {
        Run export = run("export", "--model", TEXTBOOK, "--format", "npz", "--out", "/dev/null");
        assertThat(export.exit()).isEqualTo(Cli.FAILED);
        assertThat(export.err()).isEqualTo("error: Cannot write /dev/null: it is a device, not a regular file; "
                + "choose a file name\n");
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo(FileKind.DEVICE);

        // Refused before the window opens, so this needs no display.
        Run screenshot = run("screenshot", "--out", dir.toString());
        assertThat(screenshot.exit()).isEqualTo(Cli.FAILED);
        assertThat(screenshot.err()).isEqualTo("error: Cannot write " + dir + ": it is a directory, not a regular "
                + "file; choose a file name\n");
    }

    @ParameterizedTest
    @EnumSource(value = ModelFormat.class, names = {"JSON", "CSV", "PYTHON", "KERAS_PYTHON"})
    void aTextFormatGoesToStandardOutputAsItWouldGoToAFile(ModelFormat format) throws Exception {
        Path file = dir.resolve("model" + format.extension());
        assertThat(run("export", "--model", TEXTBOOK, "--format", format.id(), "--out", file.toString()).exit())
                .isZero();

        Run printed = run("export", "--model", TEXTBOOK, "--format", format.id(), "--out", "-");

        assertThat(printed.exit()).as(printed.err()).isZero();
        assertThat(printed.out()).isEqualTo(Files.readString(file));
        assertThat(printed.err()).isEmpty();
        assertThat(dir.resolve("-")).doesNotExist();
    }

    @Test
    void binaryFormatsAndJavaAreRefusedOnStandardOutput() {
        Run onnx = run("export", "--model", TEXTBOOK, "--format", "onnx", "--out", "-");
        assertThat(onnx.exit()).isEqualTo(Cli.FAILED);
        assertThat(onnx.err()).isEqualTo("error: --out -: ONNX is not text for standard output (it is binary); "
                + "give a file name\n");
        assertThat(run("export", "--model", TEXTBOOK, "--format", "java", "--out", "-").err())
                .contains("(a Java class must be in a file of its name)");
        assertThat(onnx.out()).isEmpty();
    }

    @Test
    void trainAndScreenshotRefuseStandardOutput() {
        Run train = run("train", "--epochs", "1", "--out", "-");
        assertThat(train.exit()).isEqualTo(Cli.FAILED);
        assertThat(train.err()).startsWith("error: --out -: train prints its epochs on standard output")
                .contains("give a file name (a file named - is ./-)");
        assertThat(train.out()).isEmpty();
        assertThat(run("screenshot", "--out", "-").err()).contains("a PNG picture is binary");
    }

    @Test
    void anImportToStandardOutputPrintsTheModelFileAndSaysTheRestOnStandardError() throws Exception {
        Path file = dir.resolve("m.json");
        Run toFile = run("import", "--in", TEXTBOOK, "--out", file.toString());
        assertThat(toFile.exit()).as(toFile.err()).isZero();

        Run printed = run("import", "--in", TEXTBOOK, "--out", "-");

        assertThat(printed.exit()).as(printed.err()).isZero();
        assertThat(printed.out()).isEqualTo(Files.readString(file));
        assertThat(printed.err()).isEqualTo("read " + TEXTBOOK + " (Model JSON)\n");
    }
}
