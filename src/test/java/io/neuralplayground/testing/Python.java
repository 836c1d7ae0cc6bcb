package io.neuralplayground.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python with NumPy (and h5py where asked), for cross-checks against independent implementations.
 *
 * <p>Only {@code /usr/bin/python3} sees Debian's packages. When it or a module is missing the test is skipped,
 * visibly; CI sets {@code NP_REQUIRE_PYTHON=1} (its script installs the packages), and then a missing module
 * fails the test instead, so a cross-check can never silently stop running there.
 */
public final class Python {
    private static final Path INTERPRETER = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Python() {
    }

    /** Skips (or, under CI, fails) unless the interpreter can import every module named. */
    public static void require(String... modules) {
        String problem = null;
        if (!Files.isExecutable(INTERPRETER)) {
            problem = INTERPRETER + " is not installed";
        } else {
            for (String module : modules) {
                if (!canImport(module)) {
                    problem = INTERPRETER + " cannot import " + module + " (Debian package python3-" + module + ")";
                    break;
                }
            }
        }
        if (problem == null) {
            return;
        }
        if ("1".equals(System.getenv("NP_REQUIRE_PYTHON"))) {
            Assertions.fail(problem + ", and NP_REQUIRE_PYTHON=1 demands it");
        }
        Assumptions.abort(problem);
    }

    private static boolean canImport(String module) {
        try {
            Process process = new ProcessBuilder(INTERPRETER.toString(), "-c", "import " + module)
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a script from the test resources with {@code input} as JSON on stdin; returns its JSON stdout. */
    public static JsonNode runScript(String resource, Object input, String... args) {
        return runScript(resource, input, Map.of(), args);
    }

    /**
     * Runs a script from the test resources with {@code input} as JSON on stdin and these variables added to the
     * environment (PYTHONPATH, say); returns its JSON stdout. Fails the test unless the script exits with 0.
     */
    public static JsonNode runScript(String resource, Object input, Map<String, String> env, String... args) {
        try {
            Path script = Files.createTempFile("np-reference-", ".py");
            try (InputStream in = Python.class.getResourceAsStream("/python/" + resource)) {
                Assertions.assertNotNull(in, "missing test resource python/" + resource);
                Files.write(script, in.readAllBytes());
            }
            try {
                byte[] stdin = input == null ? new byte[0] : JSON.writeValueAsBytes(input);
                Run run = run(script, stdin, env, args);
                Assertions.assertEquals(0, run.exitCode(), () -> resource + " failed: " + run.stderr());
                return JSON.readTree(run.stdout());
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + resource, e);
        }
    }

    /** What a run of the interpreter gave: its exit code, standard output and standard error (UTF-8). */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs {@code script} (any file, e.g. one a test exported) with {@code stdin} on standard input, these variables
     * added to the environment and these arguments, and returns what it did, whatever its exit code.
     */
    public static Run run(Path script, byte[] stdin, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(INTERPRETER.toString(), script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        // The exported files print with print(): UTF-8 whatever the locale of the machine running the tests.
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        try {
            Process process = builder.start();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> {
                try {
                    process.getErrorStream().transferTo(stderr);
                } catch (IOException ignored) {
                    // the exit code reports the failure
                }
            });
            errors.start();
            Thread feeder = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException ignored) {
                    // a script that does not read its input closes the pipe; its exit code tells the rest
                }
            });
            feeder.start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("python timed out running " + script.getFileName());
            }
            errors.join();
            feeder.join();
            return new Run(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + script.getFileName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
