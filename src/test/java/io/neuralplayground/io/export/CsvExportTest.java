package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.io.NamedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV table of weights: its exact text, exact numbers, and what it refuses. */
class CsvExportTest {
    @TempDir
    Path dir;

    private final CsvExport csv = new CsvExport();

    /** 2 inputs, 3 relu units, 1 sigmoid output, with values Double.toString writes in each of its forms. */
    private static Model small() {
        DenseLayer hidden = new DenseLayer(new double[][] {{0.1, -0.0, 1.0E-5}, {-2.5, 1.0E7, 1.0 / 3}},
                new double[] {0.0, -1.0, Double.MIN_VALUE}, Activation.RELU);
        DenseLayer output = new DenseLayer(new double[][] {{Double.MAX_VALUE}, {-123456.789}, {0.001}},
                new double[] {-0.1}, Activation.SIGMOID);
        return new Model(List.of("x1", "x2"), new Network(2, List.of(hidden, output)));
    }

    @Test
    void theTableIsTheHeaderThenPerLayerTheKernelRowByRowThenTheBias() throws IOException {
        Path file = dir.resolve("weights.csv");
        csv.write(small(), file);

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo("""
                layer,kind,row,col,value
                0,kernel,0,0,0.1
                0,kernel,0,1,-0.0
                0,kernel,0,2,1.0E-5
                0,kernel,1,0,-2.5
                0,kernel,1,1,1.0E7
                0,kernel,1,2,0.3333333333333333
                0,bias,0,0,0.0
                0,bias,0,1,-1.0
                0,bias,0,2,4.9E-324
                1,kernel,0,0,1.7976931348623157E308
                1,kernel,1,0,-123456.789
                1,kernel,2,0,0.001
                1,bias,0,0,-0.1
                """);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void everyValueReadsBackAsTheSameDoubleAndEveryParameterHasOneRow() throws IOException {
        // The hardest doubles, each in a kernel and as a bias, so every one is written in both kinds of row.
        double[] special = ModelGenerators.SPECIAL_DOUBLES;
        double[][] kernel = new double[special.length][2];
        for (int i = 0; i < special.length; i++) {
            kernel[i][0] = special[i];
            kernel[i][1] = -special[i];
        }
        DenseLayer first = new DenseLayer(kernel, new double[] {Math.PI, -Math.E}, Activation.TANH);
        DenseLayer second = new DenseLayer(new double[][] {special.clone(), special.clone()}, special.clone(),
                Activation.LINEAR);
        Network network = new Network(special.length, List.of(first, second));
        Path file = dir.resolve("special.csv");
        csv.write(new Model(NamedModel.inputNames(special.length), network), file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        assertThat(lines.get(0)).isEqualTo(CsvExport.HEADER);
        assertThat(lines).hasSize(1 + network.parameterCount());
        int n = 1;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    assertRow(lines.get(n++), l, "kernel", i, j, layer.weight(i, j));
                }
            }
            for (int j = 0; j < layer.units(); j++) {
                assertRow(lines.get(n++), l, "bias", 0, j, layer.bias(j));
            }
        }
    }

    @Test
    void theInputNamesAreNotInTheFileWhichIsPrintableAsciiWithUnixLineEnds() throws IOException {
        Model odd = ExportTestModels.named("odd input names");
        Model plain = new Model(NamedModel.inputNames(odd.inputs().size()), odd.network());
        Path oddFile = dir.resolve("odd.csv");
        Path plainFile = dir.resolve("plain.csv");
        csv.write(odd, oddFile);
        csv.write(plain, plainFile);

        byte[] bytes = Files.readAllBytes(oddFile);
        assertThat(bytes).isEqualTo(Files.readAllBytes(plainFile));
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        for (byte b : bytes) {
            assertThat(b == '\n' || (b >= 0x20 && b < 0x7f)).as("byte " + b).isTrue();
        }
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).doesNotContain("\"", "\r");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aWeightThatIsNotFiniteIsRefusedNamingTheFileAndTheWeight(double bad) throws IOException {
        Path file = dir.resolve("diverged.csv");
        Files.writeString(file, "the previous export\n");
        Model model = small();
        model.network().layer(1).setWeight(2, 0, bad);

        assertThatThrownBy(() -> csv.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": ")
                .hasMessageContaining("layer 2 of 2, unit 1: the weight from input 3 is " + bad)
                .hasMessageContaining("layers[1].kernel[2][0]");
        assertThat(Files.readString(file)).isEqualTo("the previous export\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aBiasThatIsNotFiniteIsRefusedAndNoFileIsWritten(double bad) throws IOException {
        Path file = dir.resolve("diverged.csv");
        Model model = small();
        model.network().layer(0).setBias(1, bad);

        assertThatThrownBy(() -> csv.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": ")
                .hasMessageContaining("layer 1 of 2, unit 2: the bias is " + bad);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void writingReplacesAnExistingFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub").resolve("weights.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x".repeat(100_000));

        csv.write(small(), file);

        assertThat(Files.readAllLines(file)).hasSize(1 + small().network().parameterCount())
                .startsWith(CsvExport.HEADER);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void missingParentDirectoriesAreCreated() throws IOException {
        Path file = dir.resolve("a").resolve("b").resolve("weights.csv");

        csv.write(small(), file);

        assertThat(Files.readAllLines(file).get(0)).isEqualTo(CsvExport.HEADER);
    }

    @Test
    void aDirectoryInTheWayIsReportedByName() throws IOException {
        Path file = Files.createDirectory(dir.resolve("weights.csv"));

        assertThatThrownBy(() -> csv.write(small(), file)).isInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot write " + file + ": it is a directory, not a regular file; choose a file name");
        assertThat(file).isEmptyDirectory();
    }

    private static void assertRow(String line, int layer, String kind, int row, int col, double value) {
        String[] fields = line.split(",", -1);
        assertThat(fields).as(line).hasSize(5);
        assertThat(fields[0]).as(line).isEqualTo(Integer.toString(layer));
        assertThat(fields[1]).as(line).isEqualTo(kind);
        assertThat(fields[2]).as(line).isEqualTo(Integer.toString(row));
        assertThat(fields[3]).as(line).isEqualTo(Integer.toString(col));
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(fields[4]))).as(line)
                .isEqualTo(Double.doubleToRawLongBits(value));
    }
}
