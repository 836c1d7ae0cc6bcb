package io.neuralplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.InputNames;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.io.formats.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Input names with control characters (NUL, tab, line breaks, DEL, C1) are refused by every reader that takes
 * names from a file, with the input and the character named; the exporters still write such names when a
 * program builds them (their escaping is tested with {@link ExportTestModels#ODD_NAMES}).
 */
class InputNamesFromFilesTest {

    @Test
    void theRuleNamesTheCharacterAndItsPlace() {
        assertThat(InputNames.controlCharacterProblem("x1")).isNull();
        assertThat(InputNames.controlCharacterProblem("Größe 温度 😀")).isNull();
        assertThat(InputNames.controlCharacterProblem("a\u0000b")).isEqualTo("has the control character U+0000 at "
                + "position 2 (NUL): an input's name is printable text");
        assertThat(InputNames.controlCharacterProblem("😀\tx")).startsWith("has the control character U+0009 at "
                + "position 2 (a tab)");
        assertThat(InputNames.controlCharacterProblem("c1 \u0085")).contains("U+0085");
        assertThat(InputNames.controlCharacterProblem("\u007f")).contains("DEL");
    }

    @ParameterizedTest
    @EnumSource(value = ModelFormat.class, names = {"JSON", "NPZ", "KERAS", "WEIGHTS_H5", "H5"})
    void everyModelReaderRefusesAControlCharacterInAName(ModelFormat format, @TempDir Path dir) {
        Model odd = ExportTestModels.model(new int[] {2, 3, 1}, new Activation[] {Activation.TANH,
            Activation.SIGMOID}, 1);
        Model named = new Model(List.of("fine", "new\nline"), odd.network());
        Path file = dir.resolve("model" + format.extension());
        boolean checksWhatItWrote = format != ModelFormat.JSON && format != ModelFormat.NPZ;
        if (checksWhatItWrote) {
            // The Keras writers read back what they wrote, and so refuse it there, leaving nothing behind.
            assertThatThrownBy(() -> format.write(named, file)).isInstanceOf(PlaygroundException.class)
                    .hasMessageContaining("U+000A").hasMessageContaining("an input's name is printable text");
            assertThat(file).doesNotExist();
            return;
        }
        // A program may build such a model, and the writer escapes it …
        format.write(named, file);
        // … but reading it back is refused, naming the character.
        assertThatThrownBy(() -> format.read(file)).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("U+000A").hasMessageContaining("line break").hasMessageContaining(
                        "an input's name is printable text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tab\tname\",y", "\"n\u0000ul\",y", "\"del\u007f\",y"})
    void aCsvHeaderWithAControlCharacterIsRefusedWithItsLine(String header, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, header + "\n1,0\n2,1\n");
        assertThatThrownBy(() -> CsvDatasetReader.read(csv, "y")).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("bad.csv, line 1").hasMessageContaining("the name of column 1 has the control "
                        + "character");
    }
}
