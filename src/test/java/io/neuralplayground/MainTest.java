package io.neuralplayground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bare application does with its arguments. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsOpenTheWindow() {
        assertThat(Main.withWindowCommand(new String[0])).containsExactly("window");
    }

    @Test
    void aSingleFileOpensTheWindowOnIt() throws Exception {
        Path session = Files.writeString(dir.resolve("spiral.session.json"), "{}");
        assertThat(Main.withWindowCommand(new String[] {session.toString()}))
                .containsExactly("window", session.toString());
    }

    @Test
    void commandsOptionsAndMissingFilesGoToTheCommandLineAsTheyAre() {
        assertThat(Main.withWindowCommand(new String[] {"train"})).containsExactly("train");
        assertThat(Main.withWindowCommand(new String[] {"--help"})).containsExactly("--help");
        assertThat(Main.withWindowCommand(new String[] {dir.resolve("missing.json").toString()}))
                .containsExactly(dir.resolve("missing.json").toString());
        assertThat(Main.withWindowCommand(new String[] {"export", "--help"})).containsExactly("export", "--help");
    }
}
