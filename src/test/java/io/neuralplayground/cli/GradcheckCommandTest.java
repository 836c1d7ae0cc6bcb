package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.cli.CliTest.Run;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Initializer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradcheck} on samples of parameters: its option, its words before and after, its default for large models. */
class GradcheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXTBOOK = "resources/examples/textbook-2-2-2.json";

    @TempDir
    Path dir;

    @Test
    void aSmallModelIsCheckedWholeAndItsReportReadsAsItAlwaysDid() throws Exception {
        Run run = run("gradcheck", "--model", TEXTBOOK);
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).matches("largest relative error \\d\\.\\d{3}e-\\d\\d at layer 0 kernel\\[1\\]\\[0\\]"
                + " \\(backprop -4\\.08016\\d+e-06, finite difference -4\\.08016\\d+e-06\\)");
        assertThat(run.lines().get(1))
                .isEqualTo("12 parameters, 10 examples, half_squared_error: below the tolerance 1.0E-5");
        // What is checked and how long it takes go to standard error, before the check.
        assertThat(run.err()).isEqualTo("checking all 12 parameters on 10 examples, 4 forward passes each: under a "
                + "second\n");
        JsonNode json = JSON.readTree(run("gradcheck", "--model", TEXTBOOK, "--json").out());
        assertThat(json.has("sample")).isFalse();
        assertThat(run("gradcheck", "--model", TEXTBOOK, "--parameters", "all").out()).isEqualTo(run.out());
        assertThat(run("gradcheck", "--model", TEXTBOOK, "--parameters", "0").out()).isEqualTo(run.out());
        assertThat(run("gradcheck", "--model", TEXTBOOK, "--parameters", "12").out()).isEqualTo(run.out());
    }

    @Test
    void aSampleIsDrawnFromTheSeedAndTheReportSaysSo() throws Exception {
        Run first = run("gradcheck", "--model", TEXTBOOK, "--parameters", "5", "--seed", "3", "--all");
        Run again = run("gradcheck", "--model", TEXTBOOK, "--parameters", "5", "--seed", "3", "--all");
        Run other = run("gradcheck", "--model", TEXTBOOK, "--parameters", "5", "--seed", "4", "--all");
        assertThat(first.exit()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        // A header, five parameters, the worst, the summary.
        assertThat(first.lines()).hasSize(8);
        assertThat(first.lines().get(7)).isEqualTo("checked 5 of 12 parameters (random sample, seed 3), 10 examples, "
                + "half_squared_error: below the tolerance 1.0E-5");
        assertThat(parameterNames(other)).isNotEqualTo(parameterNames(first));
        assertThat(first.err()).startsWith("checking a random sample of 5 of 12 parameters (seed 3) on 10 examples, "
                + "4 forward passes each: ");

        JsonNode json = JSON.readTree(run("gradcheck", "--model", TEXTBOOK, "--parameters", "5", "--seed", "3",
                "--json", "--all").out());
        assertThat(json.at("/sample/checked").asInt()).isEqualTo(5);
        assertThat(json.at("/sample/of").asInt()).isEqualTo(12);
        assertThat(json.at("/sample/seed").asLong()).isEqualTo(3);
        assertThat(json.get("parameters").size()).isEqualTo(5);
    }

    private static List<String> parameterNames(Run run) {
        return run.lines().subList(1, 6).stream().map(line -> line.substring(0, 26).trim()).toList();
    }

    @Test
    void aLargeModelIsSampledByDefaultAndTheWordsSaySo() {
        // 2-100-100-1 has 10501 parameters, just above the default.
        Network network = Network.of(2, new int[] {100, 100}, Activation.TANH, 1, Activation.TANH);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(4));
        assertThat(network.parameterCount()).isEqualTo(10_501).isGreaterThan(GradcheckCommand.DEFAULT_SAMPLE);
        Path model = dir.resolve("large.json");
        ModelFile.write(model, new Model(List.of("x1", "x2"), network));

        Run run = run("gradcheck", "--model", model.toString(), "--examples", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("checking a random sample of 10000 of 10501 parameters (seed 1, the default "
                + "above 10000; --parameters N or all to choose) on 2 examples, 4 forward passes each: ");
        assertThat(run.lines().get(1)).startsWith("checked 10000 of 10501 parameters (random sample, seed 1), "
                + "2 examples");
    }

    @Test
    void theHelpNamesTheOptionAndTheDefault() {
        Run help = run("gradcheck", "--help");
        assertThat(help.out()).contains("--parameters=N|all", "Check a random sample of N parameters",
                "all (or", "0) checks every one", "a sample of 10000 above",
                "On standard error it says first how many it", "--parameters 1000 --seed 7");
    }

    @Test
    void aCountThatIsNoCountIsRefused() {
        Run run = run("gradcheck", "--model", TEXTBOOK, "--parameters", "lots");
        assertThat(run.exit()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).isEqualTo("error: --parameters: 'lots' is neither a whole number nor all: give how many "
                + "parameters to check, such as 1000, or all\n");
        assertThat(run("gradcheck", "--model", TEXTBOOK, "--parameters", "-3").err())
                .contains("--parameters must be a count of at least 1, or all (or 0)");
    }
}
