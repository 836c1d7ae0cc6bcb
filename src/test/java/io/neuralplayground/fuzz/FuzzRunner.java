package io.neuralplayground.fuzz;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the cases of one reader: each case's bytes drawn from the run's seed, the reader's name and the case's
 * number (so that one number reproduces one case), read on a worker thread within a time limit, and counted by what
 * came out.
 */
final class FuzzRunner {
    /** What one read gave. */
    enum Outcome {
        /** The reader's own exception, with a message: a clean refusal. */
        REFUSED,
        /** A model, a dataset, a session: the damage left something the reader could use. */
        ACCEPTED,
        /** Any other exception or error: a fault of the reader. */
        STACK_TRACE,
        /** Over the time limit. */
        HANG,
        /** An OutOfMemoryError, thrown or wrapped. */
        OOM
    }

    /** After this many reads left running, a reader's remaining cases are skipped: each may hold a core. */
    private static final int MAX_STUCK = 3;
    /** Reproducers kept per outcome and reader, and failing inputs written. */
    private static final int REPRODUCERS = 5;
    private static final int FAILURE_FILES = 50;

    private final long seed;
    private final Duration limit;
    private final Path work;
    private final Path failures;
    private ExecutorService worker = newWorker();

    FuzzRunner(long seed, Duration limit, Path work, Path failures) {
        this.seed = seed;
        this.limit = limit;
        this.work = work;
        this.failures = failures;
    }

    /** The counts of one reader's cases, with the first reproducers of each fault. */
    static final class Tally {
        final String reader;
        final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        final Map<Outcome, List<String>> reproducers = new EnumMap<>(Outcome.class);
        /** Refusals whose cause is an unchecked exception of a library or the JDK, caught by a safety net. */
        final Map<String, Integer> netted = new TreeMap<>();
        int cases;
        int skipped;
        long nanos;
        int failureFiles;

        Tally(String reader) {
            this.reader = reader;
            for (Outcome o : Outcome.values()) {
                counts.put(o, 0);
                reproducers.put(o, new ArrayList<>());
            }
        }

        int count(Outcome o) {
            return counts.get(o);
        }

        int faults() {
            return count(Outcome.STACK_TRACE) + count(Outcome.HANG) + count(Outcome.OOM);
        }

        int nettedTotal() {
            return netted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The seeds of {@code target} read as they are: each must be accepted, or the fuzzing starts from nothing. */
    List<String> checkSeeds(FuzzTargets.Target target) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < target.seeds().size(); i++) {
            byte[] bytes = target.seeds().get(i);
            Path file = work.resolve("seed-check-" + i + target.extension());
            FuzzTargets.write(file, bytes);
            try {
                target.read().read(file, bytes);
            } catch (Throwable e) {
                problems.add(target.name() + " seed " + i + " is refused: " + e);
            } finally {
                deleteQuietly(file);
            }
        }
        return problems;
    }

    /** Cases {@code from} to {@code from + cases - 1} of {@code target}. */
    Tally run(FuzzTargets.Target target, int from, int cases) {
        Tally tally = new Tally(target.name());
        Mutator mutator = new Mutator(target.layout(), target.seeds());
        int stuck = 0;
        long start = System.nanoTime();
        for (int n = from; n < from + cases; n++) {
            if (stuck >= MAX_STUCK) {
                tally.skipped = from + cases - n;
                break;
            }
            List<String> log = new ArrayList<>();
            byte[] bytes = mutator.mutate(random(target.name(), n), log);
            Path file = work.resolve("case-" + n + target.extension());
            FuzzTargets.write(file, bytes);
            Future<Throwable> read = worker.submit(() -> {
                try {
                    target.read().read(file, bytes);
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            Outcome outcome;
            Throwable error = null;
            try {
                error = read.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                outcome = classify(error, tally);
            } catch (TimeoutException e) {
                outcome = Outcome.HANG;
                read.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                stuck++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fuzzing interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the case's task cannot fail", e);
            }
            tally.cases++;
            tally.counts.merge(outcome, 1, Integer::sum);
            if (outcome != Outcome.REFUSED && outcome != Outcome.ACCEPTED) {
                keep(tally, outcome, n, error, log, bytes, target);
            }
            if (outcome != Outcome.HANG) {
                deleteQuietly(file);
            }
        }
        tally.nanos = System.nanoTime() - start;
        return tally;
    }

    /** The damaged bytes of case {@code n} of {@code target}, as {@link #run} reads them. */
    byte[] bytes(FuzzTargets.Target target, int n, List<String> log) {
        return new Mutator(target.layout(), target.seeds()).mutate(random(target.name(), n), log);
    }

    private SplittableRandom random(String reader, int n) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= reader.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h += n * 0x165667B19E3779F9L;
        return new SplittableRandom(h);
    }

    private static Outcome classify(Throwable error, Tally tally) {
        if (error == null) {
            return Outcome.ACCEPTED;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return Outcome.OOM;
            }
        }
        if (error instanceof PlaygroundException && error.getMessage() != null && !error.getMessage().isBlank()) {
            for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
                if ((t instanceof RuntimeException || t instanceof Error) && !(t instanceof PlaygroundException)) {
                    tally.netted.merge(t.getClass().getName(), 1, Integer::sum);
                    break;
                }
            }
            return Outcome.REFUSED;
        }
        return Outcome.STACK_TRACE;
    }

    private void keep(Tally tally, Outcome outcome, int n, Throwable error, List<String> log, byte[] bytes,
            FuzzTargets.Target target) {
        String saved = "";
        if (tally.failureFiles < FAILURE_FILES) {
            tally.failureFiles++;
            Path file = failures.resolve(target.name() + "-seed" + seed + "-case" + n + target.extension());
            try {
                Files.createDirectories(failures);
                Files.write(file, bytes);
                saved = "\n      input: " + file;
            } catch (IOException e) {
                saved = "\n      input not saved: " + e;
            }
        }
        List<String> kept = tally.reproducers.get(outcome);
        if (kept.size() >= REPRODUCERS) {
            return;
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "    %s case %d (-Dfuzz.seed=%d -Dfuzz.readers=%s -Dfuzz.from=%d "
                + "-Dfuzz.cases=1): ", outcome, n, seed, target.name(), n));
        if (error == null) {
            s.append("over ").append(limit.toMillis()).append(" ms");
        } else {
            s.append(shorten(error.toString()));
            // The top frames, and on to the first of the project's own: where the reader let it through.
            int frames = 0;
            for (StackTraceElement e : error.getStackTrace()) {
                s.append("\n      at ").append(e);
                frames++;
                if (frames >= 4 && e.getClassName().startsWith("io.neuralplayground.") || frames == 16) {
                    break;
                }
            }
            for (Throwable c = error.getCause(); c != null; c = c.getCause()) {
                s.append("\n      caused by ").append(shorten(c.toString()));
                if (c.getStackTrace().length > 0) {
                    s.append("\n        at ").append(c.getStackTrace()[0]);
                }
            }
        }
        s.append("\n      mutations: ").append(String.join("; ", log)).append(saved);
        kept.add(s.toString());
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + " …" : oneLine;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    void close() {
        worker.shutdownNow();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
