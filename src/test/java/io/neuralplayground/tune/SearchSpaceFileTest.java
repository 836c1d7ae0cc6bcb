package io.neuralplayground.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSpaceFileTest {
    static final String EXAMPLE = """
            { "objective": "val_loss",
              "hyperparameters": [
                {"name": "layers", "type": "int", "min": 1, "max": 3},
                {"name": "units", "type": "int", "min": 2, "max": 8, "step": 2},
                {"name": "activation", "type": "choice", "values": ["relu", "tanh", "sigmoid"]},
                {"name": "learning_rate", "type": "float", "min": 0.0001, "max": 1, "log": true},
                {"name": "units_2", "type": "int", "min": 2, "max": 8, "when": {"layers": [2, 3]}} ] }
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheExampleOfTheFormat() throws Exception {
        Path file = Files.writeString(dir.resolve("space.json"), EXAMPLE);
        SearchProblem p = SearchSpaceFile.read(file);
        assertThat(p.goal()).isEqualTo(new Goal("val_loss", Goal.Direction.MINIMIZE));
        assertThat(p.space().hyperparameters()).containsExactly(
                Hyperparameter.intRange("layers", 1, 3),
                Hyperparameter.intRange("units", 2, 8).withStep(2),
                Hyperparameter.choice("activation", "relu", "tanh", "sigmoid"),
                Hyperparameter.floatRange("learning_rate", 0.0001, 1).withLog(),
                Hyperparameter.intRange("units_2", 2, 8).onlyWhen(Condition.of("layers", 2, 3)));
    }

    @Test
    void readsYamlAndTheDirectionOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("space.yaml"), """
                objective: val_accuracy
                direction: minimize
                hyperparameters:
                  - {name: dropout, type: float, min: 0.0, max: 0.5, step: 0.1}
                  - name: optimizer
                    type: choice
                    values: [adam, sgd, true, 3]
                  - {name: momentum, type: float, min: 0.5, max: 0.99, when: {optimizer: sgd}}
                  - {name: batch, type: fixed, value: 32}
                """);
        SearchProblem p = SearchSpaceFile.read(file);
        assertThat(p.goal().direction()).isEqualTo(Goal.Direction.MINIMIZE);
        assertThat(p.space().size()).isEqualTo(4);
        assertThat(((Choice) p.space().hyperparameters().get(1)).values()).containsExactly("adam", "sgd", true, 3);
        assertThat(p.space().get("momentum").orElseThrow().condition()).isEqualTo(Condition.of("optimizer", "sgd"));
        assertThat(((FloatRange) p.space().get("dropout").orElseThrow()).size()).isEqualTo(6);
    }

    @Test
    void theDirectionFollowsTheMetricsName() {
        assertThat(Goal.of("val_accuracy").direction()).isEqualTo(Goal.Direction.MAXIMIZE);
        assertThat(Goal.of("loss").direction()).isEqualTo(Goal.Direction.MINIMIZE);
        assertThatThrownBy(() -> Goal.of("score")).hasMessageContaining("\"direction\"");
    }

    @Test
    void writtenFilesReadBackEqual() throws Exception {
        SearchProblem p = SearchSpaceFile.read(Files.writeString(dir.resolve("a.json"), EXAMPLE));
        Path copy = dir.resolve("b.json");
        SearchSpaceFile.write(copy, p);
        assertThat(SearchSpaceFile.read(copy)).isEqualTo(p);
    }

    private String problemIn(String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name), text);
        try {
            SearchSpaceFile.read(file);
        } catch (PlaygroundException e) {
            assertThat(e.getMessage()).startsWith("Cannot read " + file + ": ");
            return e.getMessage().substring(("Cannot read " + file + ": ").length());
        }
        throw new AssertionError("read without complaint");
    }

    private static String space(String... entries) {
        return "{\"objective\": \"val_loss\",\n\"hyperparameters\": [\n" + String.join(",\n", entries) + "]}";
    }

    @Test
    void badFilesAreRefusedWithTheLineAndTheHyperparameter() throws Exception {
        assertThat(problemIn("a.json", space("{\"name\": \"a\", \"type\": \"int\", \"min\": 1, \"max\": 3}",
                "{\"name\": \"units\", \"type\": \"int\", \"min\": 8, \"max\": 2}")))
                .isEqualTo("line 4: hyperparameter \"units\": min 8 is greater than max 2");
        assertThat(problemIn("b.json", space("{\"name\": \"a\", \"type\": \"int\", \"min\": 1, \"max\": 3}",
                "{\"name\": \"a\", \"type\": \"choice\", \"values\": [1]}")))
                .isEqualTo("line 4: hyperparameter \"a\" is defined twice (entries 1 and 2); give each a name of "
                        + "its own");
        assertThat(problemIn("c.json", space("{\"name\": \"lr\", \"type\": \"float\", \"min\": 0, \"max\": 1, "
                + "\"log\": true}"))).isEqualTo("line 3: hyperparameter \"lr\": a log scale needs min > 0, but min is 0");
        assertThat(problemIn("d.json", space("{\"name\": \"act\", \"type\": \"choice\", \"values\": []}")))
                .contains("line 3").contains("\"act\"").contains("no values");
        assertThat(problemIn("e.json", space("{\"name\": \"u\", \"type\": \"int\", \"min\": 1, \"max\": 3, "
                + "\"when\": {\"layers\": [2]}}"))).contains("line 3").contains("\"u\" depends on \"layers\", "
                + "which is not in the search space");
        assertThat(problemIn("f.json", space("{\"name\": \"u\", \"type\": \"int\", \"min\": 1, \"max\": 3, "
                + "\"when\": {\"layers\": [2]}}", "{\"name\": \"layers\", \"type\": \"int\", \"min\": 1, \"max\": 3}")))
                .contains("which comes after it");
        assertThat(problemIn("g.json", space("{\"name\": \"layers\", \"type\": \"int\", \"min\": 1, \"max\": 3}",
                "{\"name\": \"u\", \"type\": \"int\", \"min\": 1, \"max\": 3, \"when\": {\"layers\": [4]}}")))
                .contains("line 4").contains("never takes");
        assertThat(problemIn("h.json", space("{\"name\": \"u\", \"type\": \"int\", \"min\": 1, \"max\": 3, "
                + "\"stpe\": 2}"))).isEqualTo("line 3: hyperparameter \"u\" (int): unknown field \"stpe\"; the "
                + "fields here are name, type, min, max, step, log, when");
        assertThat(problemIn("i.json", space("{\"name\": \"u\", \"type\": \"int\", \"min\": 1.5, \"max\": 3}")))
                .contains("line 3").contains("not a whole number");
        assertThat(problemIn("j.json", space("{\"name\": \"u\", \"type\": \"integer\", \"min\": 1, \"max\": 3}")))
                .contains("line 3").contains("none of choice, int, float, fixed");
        assertThat(problemIn("k.json", "{\"objective\": \"val_loss\", \"hyperparameters\": [")).contains("truncated");
        assertThat(problemIn("l.json", "{\"objective\": \"val_loss\",\n \"hyperparameters\": [}")).startsWith(
                "not valid JSON at line 2");
        assertThat(problemIn("m.json", space("{\"name\": \"u\", \"type\": \"int\", \"min\": 1, \"max\": 3}")
                .replace("val_loss", "score"))).contains("line 1").contains("\"direction\"");
        assertThat(problemIn("o.json", space("{\"name\": \"u\", \"type\": \"int\", \"min\": 1}")))
                .isEqualTo("line 3: hyperparameter \"u\" has no \"max\"");
        assertThat(problemIn("n.json", "{\"objective\": \"val_loss\", \"hyperparameters\": []}"))
                .contains("no hyperparameters");
    }

    @Test
    void badYamlIsRefusedWithTheLine() throws Exception {
        assertThat(problemIn("a.yaml", "objective: val_loss\nhyperparameters:\n  - {name: u, type: int, min: 5, "
                + "max: 2}\n")).isEqualTo("line 3: hyperparameter \"u\": min 5 is greater than max 2");
        assertThat(problemIn("b.yml", "objective: val_loss\nhyperparameters: [\n  - a: b: c\n"))
                .startsWith("not valid YAML at line");
        assertThat(problemIn("c.yaml", "objective: val_loss\nobjective: val_acc\nhyperparameters: []\n"))
                .contains("line 2").contains("appears twice");
    }

    @Test
    void otherFileNamesAreRefused() throws Exception {
        assertThatThrownBy(() -> SearchSpaceFile.read(Files.writeString(dir.resolve("space.txt"), EXAMPLE)))
                .hasMessageContaining(".json, .yaml or .yml");
    }
}
