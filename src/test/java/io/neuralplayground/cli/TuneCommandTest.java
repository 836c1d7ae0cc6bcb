package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune}: a line per trial, KerasTuner's summary, the test figures once; resumes; parallel = sequential. */
class TuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = """
            { "objective": "val_loss",
              "hyperparameters": [
                {"name": "units", "type": "int", "min": 2, "max": 8, "step": 2},
                {"name": "activation", "type": "choice", "values": ["relu", "tanh"]},
                {"name": "learning_rate", "type": "float", "min": 0.01, "max": 1, "log": true} ] }
            """;

    @TempDir
    Path dir;

    private Path space() throws Exception {
        Path file = dir.resolve("space.json");
        Files.writeString(file, SPACE);
        return file;
    }

    private static List<JsonNode> trials(Run run) {
        return run.lines().stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).filter(n -> n.has("trial")).toList();
    }

    @Test
    void aRandomSearchPrintsEachTrialTheSummaryAndTheBestTrialsTestFiguresOnce() throws Exception {
        Path csv = dir.resolve("trials.csv");
        Run run = run("tune", "--space", space().toString(), "--dataset", "xor", "--algorithm", "random",
                "--trials", "6", "--epochs", "20", "--parallel", "2", "--csv", csv.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("random search of val_loss on Exclusive or, seed 1; 20% of the training data"
                + " for validation", "Results summary", "Best trial");
        assertThat(run.lines().stream().filter(l -> l.startsWith("trial "))).hasSize(6);
        assertThat(run.lines().stream().filter(l -> l.contains("on the test data"))).hasSize(1);
        List<String> table = Files.readAllLines(csv);
        assertThat(table).hasSize(7);
        assertThat(table.get(0)).contains("number", "params_units", "params_activation", "params_learning_rate");
    }

    @Test
    void oneThreadOrTwoGiveTheSameTrialsAndAStoppedSearchResumesFromItsFolder() throws Exception {
        Path space = space();
        Run one = run("tune", "--space", space.toString(), "--dataset", "xor", "--algorithm", "tpe", "--trials", "12",
                "--epochs", "10", "--parallel", "1", "--json");
        Run two = run("tune", "--space", space.toString(), "--dataset", "xor", "--algorithm", "tpe", "--trials", "12",
                "--epochs", "10", "--parallel", "2", "--json");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(scores(two)).isEqualTo(scores(one));

        Path results = dir.resolve("results");
        Run firstPart = run("tune", "--space", space.toString(), "--dataset", "xor", "--algorithm", "tpe", "--trials",
                "5", "--epochs", "10", "--out", results.toString(), "--json");
        assertThat(firstPart.exit()).as(firstPart.err()).isZero();
        // The same search asked for more trials is another search: refused, naming the difference.
        Run other = run("tune", "--space", space.toString(), "--dataset", "xor", "--algorithm", "random",
                "--trials", "5", "--epochs", "10", "--out", results.toString());
        assertThat(other.exit()).isNotZero();
        assertThat(other.err()).contains("algorithm");
        Run again = run("tune", "--space", space.toString(), "--dataset", "xor", "--algorithm", "tpe", "--trials",
                "5", "--epochs", "10", "--out", results.toString(), "--json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(trials(again)).as("nothing run twice").isEmpty();
        assertThat(again.out()).contains("\"completed\":5");
    }

    private static List<String> scores(Run run) {
        return trials(run).stream().map(t -> t.get("trial").asInt() + ":" + t.get("val_loss").asText()).sorted()
                .toList();
    }

    @Test
    void anUnknownHyperparameterOrAGoalOnTestDataIsRefused() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SPACE.replace("\"units\"", "\"neurons\""));
        Run run = run("tune", "--space", bad.toString(), "--trials", "2", "--epochs", "2");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("hyperparameter \"neurons\" is not one the playground knows");
        Path test = dir.resolve("test.json");
        Files.writeString(test, SPACE.replace("\"val_loss\"", "\"test_loss\""));
        Run onTest = run("tune", "--space", test.toString(), "--trials", "2", "--epochs", "2");
        assertThat(onTest.exit()).isNotZero();
        assertThat(onTest.err()).contains("test figures are never searched on");
    }
}
