package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.session.Speed;
import io.neuralplayground.ui.WindowDriver;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code perf}: opens the real window, plays flat out and measures how smooth it stays. */
@Command(name = "perf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open the window, play flat out and print JSON with frames per second, epochs per second",
            "and the 99th-percentile frame time. Needs a display; where there is none run it under 'xvfb-run -a'."},
        footer = {"", "Example:",
            "  xvfb-run -a java -jar target/neural-playground.jar perf --seconds 10 --features all "
                    + "--layers 8,8,8,8,8,8"})
final class PerfCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "How long to measure. Default: ${DEFAULT-VALUE}.")
    private double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "Playing before measuring, while the JIT compiler settles (a window keeps compiling for several seconds). Default: ${DEFAULT-VALUE}.")
    private double warmup;

    @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "flat-out",
            description = "flat-out, or one-per-frame to check that every frame shows a new epoch. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String speed;

    @Option(names = "--view", paramLabel = "TAB", defaultValue = "playground",
            description = "playground, or images: the Images tab training on the first images it finds (the whole "
                    + "Fashion-MNIST where Debian's package is installed). Default: ${DEFAULT-VALUE}.")
    private String view;

    @Option(names = "--sample", paramLabel = "S",
            description = "Playground: every S seconds print a line to standard error with that stretch's frames and "
                    + "epochs per second and the heap in use after a full collection (for soak runs). Default: none.")
    private Double sample;

    @Mixin
    private WindowOptions window = new WindowOptions();

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || !(warmup >= 0)) {
            throw new IllegalArgumentException("--seconds must be above 0 and --warmup 0 or more");
        }
        Speed chosen = switch (speed.trim().toLowerCase(Locale.ROOT)) {
            case "flat-out" -> Speed.FLAT_OUT;
            case "one-per-frame" -> Speed.ONE_PER_FRAME;
            default -> throw new IllegalArgumentException("--speed must be flat-out or one-per-frame, got '"
                    + speed + "'");
        };
        boolean images = switch (view.trim().toLowerCase(Locale.ROOT)) {
            case "playground" -> false;
            case "images" -> true;
            default -> throw new IllegalArgumentException("--view must be playground or images, got '" + view + "'");
        };
        ObjectNode[] result = new ObjectNode[1];
        Launcher.openWindow(window.plan(chosen, driver -> result[0] = images ? measureImages(driver)
                : measure(driver)));
        spec.commandLine().getOut().println(Json.pretty(result[0]));
        return Cli.OK;
    }

    private ObjectNode measure(WindowDriver driver) throws Exception {
        driver.awaitFrames(3);
        driver.viewModel().play();
        Thread.sleep((long) (warmup * 1000));
        Snapshot start = driver.viewModel().session().latest();
        long startNanos = System.nanoTime();
        long[] intervals = sample == null ? record(driver, seconds) : recordInStretches(driver, startNanos);
        Snapshot end = driver.viewModel().session().latest();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        driver.viewModel().pause();

        ObjectNode json = Json.object();
        json.put("network", end.network().describe());
        json.put("speed", end.speed() == Speed.FLAT_OUT ? "flat-out" : "one-per-frame");
        json.put("seconds", elapsed);
        json.put("frames", intervals.length);
        json.put("frames_per_second", intervals.length / elapsed);
        int epochs = end.build() == start.build() ? end.epoch() - start.epoch() : end.epoch();
        json.put("epochs", epochs);
        json.put("epochs_per_second", epochs / elapsed);
        json.put("epochs_per_frame", intervals.length == 0 ? Double.NaN : (double) epochs / intervals.length);
        json.put("frame_time_p50_ms", percentile(intervals, 0.50) / 1e6);
        json.put("frame_time_p99_ms", percentile(intervals, 0.99) / 1e6);
        json.put("frame_time_max_ms", percentile(intervals, 1.0) / 1e6);
        if (end.message() != null) {
            json.put("message", end.message());
        }
        return json;
    }

    private static long[] record(WindowDriver driver, double seconds) throws Exception {
        driver.startRecordingFrames();
        Thread.sleep((long) (seconds * 1000));
        return driver.stopRecordingFrames();
    }

    /**
     * The frames of {@link #seconds} recorded in stretches of {@link #sample} seconds, each stretch's figures printed
     * to standard error as one JSON line: {@code t} (seconds since the start), {@code frames_per_second},
     * {@code epochs_per_second}, {@code heap_used_after_gc_mb} ({@link #heapAfterFullCollection()}).
     */
    private long[] recordInStretches(WindowDriver driver, long startNanos) throws Exception {
        if (!(sample > 0)) {
            throw new IllegalArgumentException("--sample must be above 0 seconds, got " + sample);
        }
        java.util.List<long[]> stretches = new java.util.ArrayList<>();
        java.io.PrintWriter err = spec.commandLine().getErr();
        double left = seconds;
        while (left > 0) {
            double stretch = Math.min(sample, left);
            Snapshot before = driver.viewModel().session().latest();
            long from = System.nanoTime();
            long[] frames = record(driver, stretch);
            Snapshot after = driver.viewModel().session().latest();
            double elapsed = (System.nanoTime() - from) / 1e9;
            stretches.add(frames);
            long heap = heapAfterFullCollection();
            ObjectNode line = Json.object();
            line.put("t", Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0);
            line.put("frames_per_second", frames.length / elapsed);
            line.put("epochs_per_second", after.build() == before.build()
                    ? (after.epoch() - before.epoch()) / elapsed : Double.NaN);
            line.put("heap_used_after_gc_mb", heap / 1e6);
            err.println(Json.compact(line));
            err.flush();
            left -= stretch;
        }
        return stretches.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }

    /**
     * The heap the last collection left in use: after {@code System.gc()} (a full collection), the sum of each heap
     * pool's usage as that collection left it. Read as the heap's usage now instead, it would count what the
     * training and FX threads allocated in the meantime, which is garbage already.
     */
    static long heapAfterFullCollection() {
        System.gc();
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool
                : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /**
     * The Images tab training flat out: frames per second and frame times as for the playground, the training
     * images per second, and the heap in use after a full collection at the end.
     */
    private ObjectNode measureImages(WindowDriver driver) throws Exception {
        driver.awaitFrames(3);
        io.neuralplayground.ui.viewmodel.images.ImagesViewModel images = driver.window().images();
        driver.onFxThread(() -> {
            driver.window().select(io.neuralplayground.ui.MainWindow.View.IMAGES);
            return null;
        });
        long readBy = System.nanoTime() + 120_000_000_000L;
        while (driver.onFxThread(() -> images.snapshotProperty().get() == null) && System.nanoTime() < readBy) {
            Thread.sleep(100);
        }
        driver.onFxThread(() -> {
            images.setEpochs(io.neuralplayground.ui.viewmodel.images.ImagesViewModel.EPOCHS.get(
                    io.neuralplayground.ui.viewmodel.images.ImagesViewModel.EPOCHS.size() - 1));
            images.play();
            return null;
        });
        Thread.sleep((long) (warmup * 1000));
        var start = images.session().latest();
        long startNanos = System.nanoTime();
        driver.startRecordingFrames();
        Thread.sleep((long) (seconds * 1000));
        long[] intervals = driver.stopRecordingFrames();
        var end = images.session().latest();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        driver.onFxThread(() -> {
            images.pause();
            return null;
        });
        long heap = heapAfterFullCollection();

        ObjectNode json = Json.object();
        json.put("view", "images");
        json.put("images", images.dataProperty().get().source().description());
        json.put("network", io.neuralplayground.session.images.ImageNetworks.shapeName(end.network()));
        json.put("kernel", end.kernel());
        json.put("seconds", elapsed);
        json.put("frames", intervals.length);
        json.put("frames_per_second", intervals.length / elapsed);
        double trained = (end.progress() - start.progress()) * end.epochSize();
        json.put("training_images_per_second", trained / elapsed);
        json.put("epochs", end.progress() - start.progress());
        json.put("frame_time_p50_ms", percentile(intervals, 0.50) / 1e6);
        json.put("frame_time_p99_ms", percentile(intervals, 0.99) / 1e6);
        json.put("frame_time_max_ms", percentile(intervals, 1.0) / 1e6);
        json.put("heap_used_after_gc_mb", heap / 1e6);
        json.put("heap_max_mb", Runtime.getRuntime().maxMemory() / 1e6);
        if (end.message() != null) {
            json.put("message", end.message());
        }
        return json;
    }

    /** The {@code q}-quantile of the values (nearest rank). */
    static double percentile(long[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
