package io.neuralplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.cli.CliTest.Run;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.testing.KerasDropout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@code export} and {@code import} commands, end to end, for every format. */
class ExportImportCommandTest {
    @TempDir
    Path dir;

    /** A model trained for a few epochs by the {@code train} command, so its weights are not round numbers. */
    private Path trainedModel() {
        Path model = dir.resolve("trained.json");
        Run train = CliTest.run("train", "--dataset", "xor", "--features", "x1,x2,x1x2", "--layers", "4,3",
                "--activation", "relu", "--epochs", "3", "--seed", "5", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        return model;
    }

    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void everyFormatIsWrittenAndEveryReadableOneComesBack(ModelFormat format) throws Exception {
        Path model = trainedModel();
        Path exported = dir.resolve("exported" + format.extension());
        Run export = CliTest.run("export", "--model", model.toString(), "--format", format.id(), "--out",
                exported.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote " + exported, format.title());
        assertThat(Files.size(exported)).isPositive();
        if (!format.canRead()) {
            return;
        }
        Path back = dir.resolve("back.json");
        Run imported = CliTest.run("import", "--in", exported.toString(), "--format", format.id(), "--out",
                back.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        Network original = ModelFile.read(model).network();
        Network read = ModelFile.read(back).network();
        assertThat(read.describe()).isEqualTo(original.describe());
        boolean float32 = format == ModelFormat.KERAS || format == ModelFormat.WEIGHTS_H5
                || format == ModelFormat.H5;
        for (int l = 0; l < original.depth(); l++) {
            DenseLayer a = original.layer(l);
            DenseLayer b = read.layer(l);
            for (int j = 0; j < a.units(); j++) {
                double bias = float32 ? (float) a.bias(j) : a.bias(j);
                assertThat(b.bias(j)).isEqualTo(bias);
                for (int i = 0; i < a.inputs(); i++) {
                    double w = float32 ? (float) a.weight(i, j) : a.weight(i, j);
                    assertThat(b.weight(i, j)).isEqualTo(w);
                }
            }
        }
    }

    @Test
    void theFormatFollowsTheFileNameOnImport() {
        Path model = trainedModel();
        Path weights = dir.resolve("net.weights.h5");
        assertThat(CliTest.run("export", "--model", model.toString(), "--format", "weights-h5", "--out",
                weights.toString()).exit()).isZero();
        Path back = dir.resolve("back.json");
        Run imported = CliTest.run("import", "--in", weights.toString(), "--out", back.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        // The weights file keeps the names of the inputs (x1, x2, x1x2), not only their number.
        assertThat(imported.out()).contains("Keras 3 weights", "inputs x1,x2,x1x2");
    }

    @Test
    void anImportSaysWhatItLeftOutOfAKerasModel() throws Exception {
        Path keras = dir.resolve("net.keras");
        assertThat(CliTest.run("export", "--model", trainedModel().toString(), "--format", "keras", "--out",
                keras.toString()).exit()).isZero();
        Path withDropout = KerasDropout.write(keras, dir.resolve("dropout.keras"));
        Run imported = CliTest.run("import", "--in", withDropout.toString(), "--out", dir.resolve("b.json").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out().lines().toList()).hasSize(3);
        assertThat(imported.out().lines().skip(1).findFirst().orElseThrow()).startsWith("note: ")
                .contains("'dropout'").contains("left out");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheKnownOnes() {
        Run run = CliTest.run("export", "--model", trainedModel().toString(), "--format", "pickle", "--out",
                dir.resolve("x.pkl").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("unknown format 'pickle'", "npz", "keras-python");
        assertThat(dir.resolve("x.pkl")).doesNotExist();
    }

    @Test
    void aFormatThatCannotBeReadIsRefusedOnImport() throws Exception {
        Path csv = dir.resolve("weights.csv");
        Files.writeString(csv, "layer,kind,row,col,value\n");
        Run run = CliTest.run("import", "--in", csv.toString(), "--format", "csv", "--out",
                dir.resolve("m.json").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("cannot be imported");
    }

    @Test
    void aGarbledFileIsRefusedNamingItAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("broken.keras");
        Files.write(bad, new byte[] {'P', 'K', 3, 4, 0, 1, 2});
        Path out = dir.resolve("m.json");
        Run run = CliTest.run("import", "--in", bad.toString(), "--out", out.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("broken.keras");
        assertThat(out).doesNotExist();
    }

    @Test
    void aNameThatSaysNoFormatAsksForOne() throws Exception {
        Path odd = dir.resolve("weights.bin");
        Files.write(odd, new byte[] {1, 2, 3});
        Run run = CliTest.run("import", "--in", odd.toString(), "--out", dir.resolve("m.json").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("weights.bin", "--format");
    }

    @Test
    void theWindowRefusesAMissingFileBeforeItOpens() {
        Run run = CliTest.run("window", dir.resolve("gone.session.json").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("gone.session.json", "no such file");
    }

    @Test
    void theImportedModelKeepsItsInputNamesWhereTheFormatHasThem() {
        Path model = trainedModel();
        Model original = ModelFile.read(model);
        for (String id : new String[] {"npz", "keras"}) {
            Path exported = dir.resolve("names." + id);
            assertThat(CliTest.run("export", "--model", model.toString(), "--format", id, "--out",
                    exported.toString()).exit()).isZero();
            Path back = dir.resolve("names-" + id + ".json");
            assertThat(CliTest.run("import", "--in", exported.toString(), "--out", back.toString()).exit()).isZero();
            assertThat(ModelFile.read(back).inputs()).as(id).isEqualTo(original.inputs());
        }
    }
}
