package io.neuralplayground.tune.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Worker JVMs ({@link WorkerProcess}) of one test cluster on 127.0.0.1; {@link #close()} kills those still alive. */
final class Workers implements AutoCloseable {
    /** Hazelcast reaches into these JDK internals; without them Java 17 warns on standard error. */
    static final List<String> JDK_ACCESS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
    private static final Pattern JOINED = Pattern.compile("worker joined cluster \\S+ at (\\S+) with .* pid=(\\d+)");

    /** A started worker: its process, its {@code HOST:PORT} and its process id. */
    record Worker(Process process, String address, long pid) {
    }

    final String cluster;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> output = new ArrayList<>();

    Workers(String cluster) {
        this.cluster = cluster;
    }

    /** Starts {@code n} workers, the first alone, the others asking it, and returns when all have joined. */
    List<Worker> start(int n, int slots) throws Exception {
        List<Worker> started = new ArrayList<>();
        started.add(await(spawn("-", slots)));
        List<CompletableFuture<Worker>> rest = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            rest.add(spawn(started.get(0).address(), slots));
        }
        for (CompletableFuture<Worker> w : rest) {
            started.add(await(w));
        }
        return started;
    }

    private Worker await(CompletableFuture<Worker> w) throws Exception {
        try {
            return w.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("a worker did not join within 60 s; its output: " + output(), e);
        }
    }

    synchronized String output() {
        return String.join("\n", output);
    }

    private CompletableFuture<Worker> spawn(String members, int slots) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dhazelcast.logging.type=none"));
        command.addAll(JDK_ACCESS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), cluster,
                members, Integer.toString(slots)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        synchronized (this) {
            processes.add(p);
        }
        CompletableFuture<Worker> joined = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        output.add(p.pid() + "> " + line);
                    }
                    Matcher m = JOINED.matcher(line);
                    if (m.find()) {
                        joined.complete(new Worker(p, m.group(1), Long.parseLong(m.group(2))));
                    }
                }
            } catch (IOException e) {
                // The worker was killed: nothing more to read.
            }
            joined.completeExceptionally(new AssertionError("worker " + p.pid() + " ended before it joined: "
                    + output()));
        }, "worker-output-" + p.pid());
        pump.setDaemon(true);
        pump.start();
        return joined;
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
