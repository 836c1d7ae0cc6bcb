package io.neuralplayground.session.images;

import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageSet;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.f32.ExampleSource;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.engine.f32.FloatTrainer;
import io.neuralplayground.engine.f32.Gemm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Training on images on a thread of its own, as {@link io.neuralplayground.session.TrainingSession} does for the
 * playground: every method is a command that returns at once and is applied between two batches; the thread
 * publishes an immutable {@link ImageSnapshot} every {@value #BATCHES_PER_POINT} batches, at each epoch's end and
 * after each command, into a slot where the newest replaces the older. Nobody waits for anybody.
 *
 * <p>The training images are split once per seed: a shuffled {@code validationShare} of them is kept apart for
 * validation and never trained on. Each epoch visits the rest in a new shuffled order.
 */
public final class ImageSession implements AutoCloseable {
    /** Batches between two points of the curves (a few seconds of the full set at most). */
    public static final int BATCHES_PER_POINT = 300;
    /** Images of the validation and the test part measured for a point between epochs' ends. */
    public static final int LIVE_SAMPLE = 1000;

    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<ImageSnapshot> latest = new AtomicReference<>();
    private final Thread thread;
    private final ImageData data;
    private final Gemm gemm;
    private volatile boolean closed;

    // Owned by the training thread.
    private ImageSettings settings;
    private FloatNetwork initial;
    private FloatNetwork network;
    private FloatTrainer trainer;
    private ImageExamples train;
    private ImageExamples validation;
    private final ImageExamples test;
    private Rng shuffle;
    /** The shuffling generator's state before the shuffle of the epoch under way: what a saved session keeps. */
    private long shuffleState;
    private int[] order;
    private long build;
    private int epoch;
    private int done;
    private boolean playing;
    private boolean stepping;
    private String message;
    private final List<ImageSnapshot.CurvePoint> curve = new ArrayList<>();
    /** Callers of {@link #sync()} to release once the next snapshot is published. */
    private final List<CountDownLatch> publishedWaiters = new ArrayList<>();
    private double pointLoss;
    private long pointCorrect;
    private int pointExamples;
    private int batchesSincePoint;
    private long stretchStart;
    private int stretchExamples;
    private double rate;
    private ImageSnapshot.TestResults testResults;
    /** Keras' early stopping for this run, or null when it is off. */
    private EarlyStopper stopper;
    /** The epoch's mean training loss and accuracy so far, which early stopping's "loss" and "accuracy" watch. */
    private double epochLoss;
    private long epochCorrect;
    private int epochExamples;

    /** A session on {@code data} (not trained yet), its first snapshot published before this returns. */
    public ImageSession(ImageData data, ImageSettings settings, Gemm gemm) {
        this.data = data;
        this.gemm = gemm;
        this.test = new ImageExamples(data.test());
        rebuild(settings);
        publish();
        thread = new Thread(this::run, "image-training");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest snapshot. */
    public ImageSnapshot latest() {
        return latest.get();
    }

    public ImageData data() {
        return data;
    }

    public void play() {
        commands.add(() -> {
            if (epoch >= settings.epochs()) {
                message = "Trained " + epoch + " epochs: raise the epochs to go on, or reset";
                return;
            }
            playing = true;
            message = null;
            watchAfresh();
            startStretch();
        });
    }

    public void pause() {
        commands.add(() -> {
            if (playing) {
                playing = false;
                measureTest();
            }
        });
    }

    public void togglePlay() {
        commands.add(() -> {
            if (playing) {
                playing = false;
                measureTest();
            } else if (epoch < settings.epochs()) {
                playing = true;
                message = null;
                watchAfresh();
                startStretch();
            }
        });
    }

    /** Trains to the end of the epoch under way (a whole one when none is), then pauses. */
    public void stepEpoch() {
        commands.add(() -> {
            playing = false;
            stepping = true;
            message = null;
            watchAfresh();
            startStretch();
        });
    }

    /** Back to the same initial weights, before the first epoch. */
    public void reset() {
        commands.add(() -> restart(initial.copy()));
    }

    /** New initial weights: the next seed. */
    public void newWeights() {
        commands.add(() -> rebuild(settings.withSeed(settings.seed() + 1)));
    }

    /**
     * New settings: a new network for new layers, split or seed; otherwise training goes on with the new learning
     * rate, optimizer (its memory starting from 0), batch size or epochs.
     */
    public void apply(ImageSettings next) {
        commands.add(() -> {
            if (settings.needsNewNetwork(next)) {
                rebuild(next);
                return;
            }
            ImageSettings before = settings;
            settings = next;
            if (!java.util.Objects.equals(next.earlyStopping(), before.earlyStopping())) {
                stopper = newStopper();
            }
            if (next.batchSize() != before.batchSize()) {
                trainer = new FloatTrainer(network, gemm, next.optimizer(), next.learningRate(), next.batchSize());
            } else {
                if (!next.optimizer().equals(before.optimizer())) {
                    trainer.setOptimizer(next.optimizer());
                }
                trainer.setLearningRate(next.learningRate());
            }
            if (epoch >= next.epochs() && playing) {
                playing = false;
                message = "Trained " + epoch + " epochs";
            }
        });
    }

    /**
     * The state to save, taken between two batches (the partial epoch under way is kept in the weights only:
     * reopened, the session starts the next epoch).
     */
    public java.util.concurrent.CompletableFuture<ImageSessionState> capture() {
        java.util.concurrent.CompletableFuture<ImageSessionState> state = new java.util.concurrent.CompletableFuture<>();
        commands.add(() -> state.complete(new ImageSessionState(settings, network.copy(), epoch, shuffleState,
                curve)));
        return state;
    }

    /**
     * Goes on from a saved state: its settings and weights, epochs and curves, paused. The images must be those
     * the state was trained on (the caller opens the same source); a network of another shape is refused.
     */
    public void restore(ImageSessionState state) {
        commands.add(() -> {
            FloatNetwork saved = state.network();
            if (saved.inputs() != data.train().pixelsPerImage() || saved.outputs() != data.classNames().size()) {
                throw new IllegalArgumentException("the saved network takes " + saved.inputs() + " pixels and tells "
                        + saved.outputs() + " classes apart, but these images have " + data.train().pixelsPerImage()
                        + " pixels and " + data.classNames().size() + " classes");
            }
            rebuild(state.settings());
            initial = saved.copy();
            restart(saved.copy());
            epoch = state.epoch();
            shuffle.restore(state.shuffleState());
            newOrder();
            curve.addAll(state.curve());
            measureTest();
            message = "Reopened after " + epoch + (epoch == 1 ? " epoch" : " epochs");
        });
    }

    /** Waits until every command sent so far has been applied and its snapshot published (for tests, scripts). */
    public void sync() throws InterruptedException {
        CountDownLatch applied = new CountDownLatch(1);
        commands.add(() -> publishedWaiters.add(applied));
        if (!applied.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the image training thread did not answer within 60 s");
        }
    }

    /** Waits until training is paused or finished (for tests, scripts), at most {@code seconds}. */
    public boolean awaitIdle(double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            sync();
            ImageSnapshot s = latest.get();
            if (!s.playing()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        while (!closed) {
            try {
                boolean training = playing || stepping;
                Runnable command = training ? commands.poll() : commands.poll(1, TimeUnit.SECONDS);
                if (command != null) {
                    command.run();
                    drainCommands();
                    publishAndRelease();
                } else if (training) {
                    trainOneBatch();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A command or a batch that failed stops training and says why; the thread goes on taking commands.
                playing = false;
                stepping = false;
                message = "Training stopped: " + e.getMessage();
                publishAndRelease();
            }
        }
    }

    private void publishAndRelease() {
        publish();
        publishedWaiters.forEach(CountDownLatch::countDown);
        publishedWaiters.clear();
    }

    private void drainCommands() {
        Runnable more;
        while ((more = commands.poll()) != null) {
            more.run();
        }
    }

    private void trainOneBatch() {
        int rows = Math.min(settings.batchSize(), train.size() - done);
        double loss = trainer.trainBatch(train, order, done, rows);
        if (!Double.isFinite(loss)) {
            playing = false;
            stepping = false;
            message = "The loss became " + loss + " in epoch " + (epoch + 1) + ": lower the learning rate (now "
                    + settings.learningRate() + ") and reset";
            publish();
            return;
        }
        pointLoss += loss;
        pointCorrect += trainer.lastCorrect();
        pointExamples += rows;
        epochLoss += loss;
        epochCorrect += trainer.lastCorrect();
        epochExamples += rows;
        stretchExamples += rows;
        done += rows;
        batchesSincePoint++;
        if (done >= train.size()) {
            epoch++;
            done = 0;
            newOrder();
            addPoint(true);
            boolean stop = stopper != null && stopper.observe(epoch, watched(curve.get(curve.size() - 1)));
            epochLoss = 0;
            epochCorrect = 0;
            epochExamples = 0;
            measureTest();
            if (stop) {
                message = stopper.reason();
                playing = false;
                stepping = false;
            } else if (stepping || epoch >= settings.epochs()) {
                if (epoch >= settings.epochs() && playing) {
                    message = "Trained " + epoch + " epochs";
                    if (stopper != null && stopper.finish()) {
                        // Keras' on_train_end: the best weights come back when the epochs run out too.
                        message += "; restored the weights of epoch " + stopper.bestEpoch();
                        measureTest();
                    }
                }
                playing = false;
                stepping = false;
            }
            publish();
        } else if (batchesSincePoint >= BATCHES_PER_POINT) {
            addPoint(false);
            publish();
        }
    }

    private void addPoint(boolean epochEnd) {
        double seconds = (System.nanoTime() - stretchStart) / 1e9;
        rate = seconds > 0 ? stretchExamples / seconds : 0;
        startStretch();
        FloatTrainer.Evaluation v = validation.size() == 0 ? null
                : trainer.evaluate(epochEnd ? validation : prefix(validation, LIVE_SAMPLE), null, null);
        FloatTrainer.Evaluation t = trainer.evaluate(epochEnd ? test : prefix(test, LIVE_SAMPLE), null, null);
        double x = epoch + (double) done / train.size();
        curve.add(new ImageSnapshot.CurvePoint(x, pointLoss / pointExamples, (double) pointCorrect / pointExamples,
                v == null ? Double.NaN : v.loss(), v == null ? Double.NaN : v.accuracy(), t.loss(), t.accuracy(),
                epochEnd));
        pointLoss = 0;
        pointCorrect = 0;
        pointExamples = 0;
        batchesSincePoint = 0;
    }

    /**
     * What early stopping watches at the end of an epoch: the validation figures of its last point (measured on
     * every validation image), or the epoch's mean training loss or accuracy, as Keras logs them.
     */
    private double watched(ImageSnapshot.CurvePoint end) {
        return switch (stopper.rule().monitor()) {
            case VAL_LOSS -> end.validationLoss();
            case VAL_ACCURACY -> end.validationAccuracy();
            case LOSS -> epochExamples == 0 ? Double.NaN : epochLoss / epochExamples;
            case ACCURACY -> epochExamples == 0 ? Double.NaN : (double) epochCorrect / epochExamples;
        };
    }

    private EarlyStopper newStopper() {
        return settings.earlyStopping() == null ? null
                : new EarlyStopper(settings.earlyStopping(), network.keptWeights());
    }

    /** A new watch when training starts again after early stopping stopped it, as a new {@code fit} in Keras. */
    private void watchAfresh() {
        if (stopper != null && stopper.hasStopped()) {
            stopper = newStopper();
        }
    }

    private void measureTest() {
        int k = network.outputs();
        int[] predicted = new int[test.size()];
        float[] probabilities = new float[test.size() * k];
        FloatTrainer.Evaluation e = trainer.evaluate(test, probabilities, predicted);
        testResults = new ImageSnapshot.TestResults(epoch, predicted, probabilities, e.loss(), e.accuracy());
    }

    private void startStretch() {
        stretchStart = System.nanoTime();
        stretchExamples = 0;
    }

    private void rebuild(ImageSettings next) {
        settings = next;
        int n = data.train().size();
        int[] shuffled = IntStream.range(0, n).toArray();
        Rng.stream(next.seed(), "validation").shuffle(shuffled);
        int held = (int) Math.round(n * next.validationShare());
        int[] validationIndices = java.util.Arrays.copyOf(shuffled, held);
        int[] trainIndices = java.util.Arrays.copyOfRange(shuffled, held, n);
        // Kept in the original order: the split is a selection, the shuffling is the epochs' own.
        java.util.Arrays.sort(validationIndices);
        java.util.Arrays.sort(trainIndices);
        ImageSet all = data.train();
        train = new ImageExamples(all.select(trainIndices));
        validation = new ImageExamples(all.select(validationIndices));
        initial = ImageNetworks.create(all.pixelsPerImage(), next.hiddenArray(),
                next.activations().toArray(io.neuralplayground.engine.Activation[]::new), data.classNames().size(),
                next.seed());
        restart(initial.copy());
    }

    private void restart(FloatNetwork start) {
        network = start;
        trainer = new FloatTrainer(network, gemm, settings.optimizer(), settings.learningRate(), settings.batchSize());
        shuffle = Rng.stream(settings.seed(), "shuffle");
        order = new int[train.size()];
        newOrder();
        build++;
        epoch = 0;
        done = 0;
        playing = false;
        stepping = false;
        message = null;
        curve.clear();
        pointLoss = 0;
        pointCorrect = 0;
        pointExamples = 0;
        batchesSincePoint = 0;
        epochLoss = 0;
        epochCorrect = 0;
        epochExamples = 0;
        rate = 0;
        stopper = newStopper();
        measureTest();
    }

    /**
     * The order of the next epoch: 0 … n − 1 shuffled by the generator, whose state before it is kept, so that a
     * saved session's next epoch visits the images in the order it would have.
     */
    private void newOrder() {
        shuffleState = shuffle.state();
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle.shuffle(order);
    }

    private void publish() {
        boolean training = playing || stepping;
        double left = training && rate > 0 ? (train.size() - done) / rate : Double.NaN;
        latest.set(new ImageSnapshot(build, epoch, done, train.size(), settings.epochs(), training,
                training ? rate : 0, left, List.copyOf(curve), network.copy(), initial, testResults, gemm.description(),
                message, stopper == null ? 0 : stopper.bestEpoch(), stopper == null ? 0 : stopper.stoppedEpoch()));
    }

    /** The first {@code n} examples of {@code source}. */
    private static ExampleSource prefix(ExampleSource source, int n) {
        int size = Math.min(n, source.size());
        return new ExampleSource() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public int features() {
                return source.features();
            }

            @Override
            public int label(int example) {
                return source.label(example);
            }

            @Override
            public void copyInputs(int example, float[] into, int offset) {
                source.copyInputs(example, into, offset);
            }
        };
    }

    /** The settings the training thread works with now (read from it; for tests after {@link #sync()}). */
    ImageSettings settings() {
        return settings;
    }
}
