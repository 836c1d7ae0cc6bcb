package io.neuralplayground.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.testing.TempDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The standing fuzzing measure: every reader of the application gets thousands of damaged copies of valid files
 * and must refuse each with its own exception and a message, or accept it; never a stack trace, a hang or an
 * out-of-memory error. Not part of {@code mvn verify}: {@code mvn -Pfuzz test} (or {@code reliability/fuzz.sh})
 * runs it, with a modest heap so that a reader allocating what a header claims shows.
 *
 * <p>System properties: {@code fuzz.seed} (1), {@code fuzz.cases} per reader (5000), {@code fuzz.from} the first
 * case number (0), {@code fuzz.readers} a comma-separated subset (all), {@code fuzz.timeout} per case in ms (2000).
 * The same seed and case number give the same bytes: a reported case is reproduced by running it alone. The report
 * goes to standard output and {@code target/fuzz-report.txt}, the inputs of faults to {@code target/fuzz-failures/}.
 */
@Tag(ReaderFuzzTest.TAG)
class ReaderFuzzTest {
    /** The JUnit tag, as the pom's fuzz profile names it. */
    static final String TAG = "fuzz";

    @Test
    void everyReaderRefusesDamagedFilesCleanly() throws Exception {
        long seed = Long.getLong("fuzz.seed", 1);
        int cases = Integer.getInteger("fuzz.cases", 5000);
        int from = Integer.getInteger("fuzz.from", 0);
        Duration limit = Duration.ofMillis(Long.getLong("fuzz.timeout", 2000));
        String only = System.getProperty("fuzz.readers", "").trim();

        Path target = Path.of("target");
        Path work = Files.createTempDirectory("reader-fuzz");
        List<String> lines = new ArrayList<>();
        List<FuzzRunner.Tally> tallies = new ArrayList<>();
        FuzzRunner runner = null;
        try {
            Map<String, FuzzTargets.Target> targets = FuzzTargets.byName(FuzzTargets.all(work));
            List<String> names = only.isEmpty() ? List.copyOf(targets.keySet())
                    : Arrays.stream(only.split(",")).map(String::trim).toList();
            assertThat(targets.keySet()).as("readers").containsAll(names);
            runner = new FuzzRunner(seed, limit, work, target.resolve("fuzz-failures"));
            List<String> badSeeds = new ArrayList<>();
            for (String name : names) {
                badSeeds.addAll(runner.checkSeeds(targets.get(name)));
            }
            assertThat(badSeeds).as("the unmutated seed files are valid").isEmpty();

            lines.add(String.format(Locale.ROOT, "Reader fuzzing: seed %d, cases %d to %d per reader, time limit "
                    + "%d ms a case, max heap %d MiB, %d processors", seed, from, from + cases - 1, limit.toMillis(),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
            lines.add(String.format(Locale.ROOT, "%-14s %7s %8s %8s %11s %5s %5s %7s %8s", "reader", "cases",
                    "refused", "accepted", "stack-trace", "hang", "OOM", "netted", "time"));
            long start = System.nanoTime();
            for (String name : names) {
                FuzzRunner.Tally t = runner.run(targets.get(name), from, cases);
                tallies.add(t);
                String row = String.format(Locale.ROOT, "%-14s %7d %8d %8d %11d %5d %5d %7d %7.1fs", t.reader,
                        t.cases, t.count(FuzzRunner.Outcome.REFUSED), t.count(FuzzRunner.Outcome.ACCEPTED),
                        t.count(FuzzRunner.Outcome.STACK_TRACE), t.count(FuzzRunner.Outcome.HANG),
                        t.count(FuzzRunner.Outcome.OOM), t.nettedTotal(), t.nanos / 1e9);
                lines.add(row);
                System.out.println(row);
            }
            int total = tallies.stream().mapToInt(t -> t.cases).sum();
            int faults = tallies.stream().mapToInt(FuzzRunner.Tally::faults).sum();
            lines.add(String.format(Locale.ROOT, "%-14s %7d %8d %8d %11d %5d %5d %7d %7.1fs", "all", total,
                    sum(tallies, FuzzRunner.Outcome.REFUSED), sum(tallies, FuzzRunner.Outcome.ACCEPTED),
                    sum(tallies, FuzzRunner.Outcome.STACK_TRACE), sum(tallies, FuzzRunner.Outcome.HANG),
                    sum(tallies, FuzzRunner.Outcome.OOM), tallies.stream().mapToInt(FuzzRunner.Tally::nettedTotal)
                            .sum(), (System.nanoTime() - start) / 1e9));
            lines.add("netted: refusals whose cause is an unchecked exception of a library or the JDK, wrapped by "
                    + "the reader's safety net (clean, listed to watch)");
            for (FuzzRunner.Tally t : tallies) {
                if (!t.netted.isEmpty()) {
                    lines.add("  " + t.reader + ": " + t.netted);
                }
            }
            for (FuzzRunner.Tally t : tallies) {
                if (t.skipped > 0) {
                    lines.add("  " + t.reader + ": " + t.skipped + " cases skipped after reads left hanging");
                }
                for (FuzzRunner.Outcome o : FuzzRunner.Outcome.values()) {
                    if (!t.reproducers.get(o).isEmpty()) {
                        lines.add(t.reader + ", " + o + ": " + t.count(o));
                        lines.addAll(t.reproducers.get(o));
                    }
                }
            }
            report(target, lines);
            assertThat(faults).as("stack traces, hangs and out-of-memory errors; see target/fuzz-report.txt")
                    .isZero();
        } finally {
            if (runner != null) {
                runner.close();
            }
            TempDirectories.deleteWithItsFiles(work);
        }
    }

    private static int sum(List<FuzzRunner.Tally> tallies, FuzzRunner.Outcome o) {
        return tallies.stream().mapToInt(t -> t.count(o)).sum();
    }

    private static void report(Path target, List<String> lines) throws IOException {
        String text = String.join("\n", lines) + "\n";
        System.out.print(text);
        Files.createDirectories(target);
        Files.writeString(target.resolve("fuzz-report.txt"), text, StandardCharsets.UTF_8);
    }
}
