package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code autodiff} end to end, through {@link Cli#run(String[], PrintWriter, PrintWriter)}. */
class AutodiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT = "sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))";

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.isNull() ? null : n.asText()));
        return texts;
    }

    @Test
    void theDefaultExamplePrintsItsGraphInEvaluationOrder() throws Exception {
        CliTest.Run run = run("autodiff", "--expr", DEFAULT, "--x", "1");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("expression").asText()).isEqualTo(DEFAULT);
        assertThat(root.get("x").asDouble()).isEqualTo(1);
        JsonNode nodes = root.get("nodes");
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.get("id").asText() + " " + n.get("op").asText() + " " + texts(n.get("inputs"))));
        assertThat(ids).containsExactly("x input []", "a pow [x, 2]", "b exp [a]", "c add [a, b]", "d sqrt [c]",
                "e cos [c]", "f add [d, e]");
        assertThat(nodes.get(1).get("local_derivatives").get(0).asDouble()).isEqualTo(2);
        assertThat(nodes.get(1).get("local_derivatives").get(1).isNull()).isTrue();
        assertThat(nodes.get(3).get("value").asDouble()).isCloseTo(1 + Math.E, within(1e-15));
        assertThat(nodes.get(1).get("adjoint").asDouble()).isCloseTo(2.9915412979543476, within(1e-14));
        assertThat(root.get("output").asText()).isEqualTo("f");
        assertThat(root.get("value").asDouble()).isCloseTo(1.0900122119747424, within(1e-15));
        assertThat(root.get("df_dx").asDouble()).isCloseTo(5.983082595908695, within(1e-14));
        assertThat(root.get("df_dx_numeric").asDouble()).isCloseTo(5.983082595908695, within(1e-9));
        assertThat(Math.abs(root.get("difference").asDouble())).isLessThan(1e-9);
        assertThat(root.get("problems")).isEmpty();
    }

    @Test
    void jsonIsTheDefaultAndStepsAreTheAlternative() throws Exception {
        CliTest.Run json = run("autodiff", "--expr", "-x^2", "--x", "-1.5", "--json");
        assertThat(json.exit()).isZero();
        assertThat(JSON.readTree(json.out()).get("df_dx").asDouble()).isEqualTo(3);
        CliTest.Run steps = run("autodiff", "--expr", "x*x", "--x", "3", "--steps");
        assertThat(steps.exit()).isZero();
        assertThat(steps.lines()).hasSize(5);
        assertThat(steps.lines().get(1)).isEqualTo("forward  a = x·x = 3.0000·3.0000 = 9.0000");
        assertThat(steps.lines().get(3)).endsWith("= 6.0000  = df/dx");
        assertThat(steps.lines().get(4)).startsWith("df/dx = 6.0 (reverse mode), 6.0");
    }

    @Test
    void undefinedNumbersAreNullWithTheReason() throws Exception {
        CliTest.Run run = run("autodiff", "--expr", "log(x) + 1", "--x", "-1");
        assertThat(run.exit()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("df_dx").isNull()).isTrue();
        assertThat(root.get("nodes").get(1).get("value").isNull()).isTrue();
        assertThat(texts(root.get("problems"))).containsExactly(
                "a = log(x) is NaN at x = −1.0000: log needs a positive argument");
    }

    @Test
    void aBadExpressionIsOneLineWithItsPosition() {
        CliTest.Run run = run("autodiff", "--expr", "x^2 + )", "--x", "1");
        assertThat(run.exit()).isEqualTo(Cli.FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly(
                "error: Unexpected ')' at position 6: '+' needs an operand after it");
        CliTest.Run unknown = run("autodiff", "--expr", "sinh(x)", "--x", "1");
        assertThat(unknown.exit()).isEqualTo(Cli.FAILED);
        assertThat(unknown.err()).startsWith("error: Unknown function 'sinh' at position 0: known are exp, log");
    }

    @Test
    void aBadOrMissingXIsAUsageError() {
        assertThat(run("autodiff", "--expr", "x", "--x", "one").exit()).isEqualTo(Cli.USAGE);
        assertThat(run("autodiff", "--expr", "x").exit()).isEqualTo(Cli.USAGE);
        assertThat(run("autodiff", "--expr", "x", "--x", "1", "--json", "--steps").exit()).isEqualTo(Cli.FAILED);
    }

    @Test
    void theRootCommandListsIt() {
        assertThat(run().out()).contains("autodiff");
        assertThat(run("autodiff", "--help").out()).contains("--expr", "--x", "reverse mode");
    }
}
