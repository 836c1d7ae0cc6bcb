package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.engine.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A training session: the network, its data and its hyperparameters, trained on a thread of its own.
 *
 * <p>How it talks to the window (or any other caller): every method is a command that returns at once; the
 * training thread applies commands between epochs (edits of weights, the learning rate and the optimizer even
 * between minibatches). After each epoch, and after each command that no epoch follows at once, the thread
 * publishes an immutable {@link Snapshot} into a slot where the newest one replaces the older ({@link #latest()}),
 * and appends the epoch's losses and accuracies to the {@link EpochLog}. The training thread never waits for the
 * caller and the caller never waits for training, never touches the live network.
 *
 * <p>Speed: {@link Speed#FLAT_OUT} trains as fast as it can; {@link Speed#ONE_PER_FRAME} trains one epoch for
 * each {@link #grantFrame()}, which the window calls once a frame.
 */
public final class TrainingSession implements AutoCloseable {
    /**
     * Entries the loss log keeps before it thins ({@link EpochLog}); the property
     * {@code neuralplayground.epochLogCapacity} lowers it, so that a test sees a thinning without training a quarter
     * of a million epochs.
     */
    private static int logCapacity() {
        return Math.max(2, Integer.getInteger("neuralplayground.epochLogCapacity", EpochLog.DEFAULT_CAPACITY) / 2 * 2);
    }

    /** Commands applied between epochs, in order. */
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    /** Edits that may land inside an epoch, between two minibatches. */
    private final ConcurrentLinkedQueue<Runnable> liveEdits = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicBoolean frameGranted = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;
    private volatile EpochLog log;

    // Owned by the training thread.
    private PlaygroundSettings settings;
    private PreparedRun run;
    private long build;
    private boolean playing;
    private Speed speed = Speed.ONE_PER_FRAME;
    private String message;
    private EpochResult last;
    /** Keras' early stopping for this build, or null when it is off. */
    private EarlyStopper stopper;
    /**
     * Whether a weight or bias was edited since {@link #last} was measured: the losses and accuracies shown must
     * then be measured again before the next snapshot (a paused session trains no epoch that would do it).
     */
    private boolean editedSinceMeasured;
    private final RateMeter rate = new RateMeter();

    /**
     * Builds the first network from {@code settings} here, so that bad settings fail at once, then starts the
     * training thread, paused.
     *
     * @throws PlaygroundException if the settings cannot make a network
     */
    public TrainingSession(PlaygroundSettings settings) {
        startBuild(settings, settings.toPlan().prepare());
        thread = new Thread(this::loop, "training-session");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest snapshot; never null. */
    public Snapshot latest() {
        return latest.get();
    }

    /** The losses and accuracies of every epoch of the current build. */
    public EpochLog log() {
        return log;
    }

    public void play() {
        submit(() -> {
            playing = true;
            message = null;
            watchAfresh();
        });
    }

    public void pause() {
        submit(() -> playing = false);
    }

    public void togglePlay() {
        submit(() -> {
            playing = !playing;
            if (playing) {
                message = null;
                watchAfresh();
            }
        });
    }

    /** Pauses and trains exactly one epoch. */
    public void step() {
        submit(() -> {
            playing = false;
            message = null;
            watchAfresh();
            trainOneEpoch();
        });
    }

    /** Trains {@code epochs} epochs now, paused afterwards (for scripted runs: screenshots, tests). */
    public void trainEpochs(int epochs) {
        submit(() -> {
            playing = false;
            for (int e = 0; e < epochs && message == null; e++) {
                trainOneEpoch();
            }
        });
    }

    /** Back to epoch 0 with the same initial weights (the same run again). */
    public void reset() {
        submit(() -> rebuild(settings));
    }

    /** Back to epoch 0 with freshly drawn initial weights. */
    public void newWeights() {
        submit(() -> rebuild(settings.withNewWeights()));
    }

    /**
     * Moves to {@code next}: rebuilds the network when TF Playground would (see
     * {@link PlaygroundSettings#needsRebuild}); otherwise changes the learning rate, the optimizer or the painted
     * points while training goes on.
     */
    public void apply(PlaygroundSettings next) {
        Objects.requireNonNull(next);
        submit(() -> {
            if (settings.needsRebuild(next)) {
                rebuild(next);
            } else {
                changeLive(next);
            }
        });
    }

    public void setSpeed(Speed value) {
        Objects.requireNonNull(value);
        submit(() -> speed = value);
    }

    /** Allows one epoch at {@link Speed#ONE_PER_FRAME}; grants do not pile up. */
    public void grantFrame() {
        if (!frameGranted.getAndSet(true)) {
            commands.offer(() -> { });
        }
    }

    /**
     * Sets the weight from input {@code input} to unit {@code unit} of layer {@code layer} of build
     * {@code build} (the snapshot the user saw); an edit meant for a network that has been rebuilt since is
     * dropped with a message.
     */
    public void setWeight(long build, int layer, int input, int unit, double value) {
        edit(build, "weight", () -> {
            DenseLayer target = run.network().layer(layer);
            if (input < 0 || input >= target.inputs() || unit < 0 || unit >= target.units()) {
                throw new IndexOutOfBoundsException();
            }
            target.setWeight(input, unit, value);
        });
    }

    /** Sets the bias of unit {@code unit} of layer {@code layer} of build {@code build}; see {@link #setWeight}. */
    public void setBias(long build, int layer, int unit, double value) {
        edit(build, "bias", () -> {
            DenseLayer target = run.network().layer(layer);
            if (unit < 0 || unit >= target.units()) {
                throw new IndexOutOfBoundsException();
            }
            target.setBias(unit, value);
        });
    }

    /**
     * Sets every weight and bias to those of {@code parameters} (same shape), as one edit of build {@code build}:
     * the backprop stepper's "apply the update". Dropped with a message when the network has been rebuilt since.
     */
    public void replaceParameters(long build, Network parameters) {
        Network copy = parameters.copy();
        edit(build, "weights", () -> {
            Network live = run.network();
            if (!live.sameShape(copy)) {
                throw new IndexOutOfBoundsException();
            }
            for (int l = 0; l < live.depth(); l++) {
                DenseLayer from = copy.layer(l);
                DenseLayer to = live.layer(l);
                for (int i = 0; i < to.inputs(); i++) {
                    for (int j = 0; j < to.units(); j++) {
                        if (to.weight(i, j) != from.weight(i, j)) {
                            to.setWeight(i, j, from.weight(i, j));
                        }
                    }
                }
                for (int j = 0; j < to.units(); j++) {
                    to.setBias(j, from.bias(j));
                }
            }
        });
    }

    /**
     * Everything needed to go on later exactly from here, taken between two epochs.
     *
     * @return completes on the training thread with the state
     */
    public CompletableFuture<SessionState> capture() {
        CompletableFuture<SessionState> result = new CompletableFuture<>();
        submit(() -> {
            try {
                applyLiveEdits();
                Trainer trainer = run.trainer();
                result.complete(new SessionState(settings, trainer.network(), trainer.epoch(), trainer.order(),
                        trainer.shuffleRng().state(), trainer.optimizerSlots(), trainer.optimizerState().steps(),
                        trainer.carriedGradient(), log.since(0)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Goes on from a saved state (paused): the same data, weights, optimizer memory, carried gradients, order and
     * history of losses and accuracies, so that training continues with the numbers it would have had. A state that
     * does not fit leaves the session as it was, with a message.
     */
    public void restore(SessionState state) {
        Objects.requireNonNull(state);
        submit(() -> {
            PreparedRun prepared;
            try {
                checkShape(state.settings(), state.network());
                prepared = state.settings().toPlan().withInitialNetwork(state.network()).prepare();
                state.restoreInto(prepared.trainer());
            } catch (PlaygroundException | IllegalArgumentException e) {
                message = "The session could not be restored: " + e.getMessage();
                return;
            }
            install(state.settings(), prepared);
            playing = false;
            log.addAll(state.history());
        });
    }

    /**
     * A new network from a file: {@code settings} (whose shape matches it) with {@code network}'s weights, at
     * epoch 0. A network that does not fit leaves the session as it was, with a message.
     */
    public void load(PlaygroundSettings next, Network network) {
        Network copy = network.copy();
        submit(() -> rebuild(next, () -> {
            checkShape(next, copy);
            return next.toPlan().withInitialNetwork(copy).prepare();
        }));
    }

    /** Refuses a network whose hidden layers are not the ones the settings describe. */
    private static void checkShape(PlaygroundSettings settings, Network network) {
        List<Integer> widths = new ArrayList<>();
        for (int l = 0; l < network.depth() - 1; l++) {
            widths.add(network.layer(l).units());
        }
        if (!widths.equals(settings.hiddenLayers())) {
            throw new PlaygroundException("the network's hidden layers " + widths + " are not the settings' "
                    + settings.hiddenLayers());
        }
    }

    /**
     * Blocks until every command given before has been applied and its snapshot published (for tests and
     * scripted runs).
     */
    public void sync() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        commands.add(() -> {
            applyLiveEdits();
            publish();
            done.countDown();
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the training session did not answer within 60 s");
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Runnable command) {
        if (closed) {
            throw new IllegalStateException("the training session is closed");
        }
        commands.add(command);
    }

    private void edit(long forBuild, String what, Runnable change) {
        liveEdits.add(() -> {
            if (forBuild != build) {
                message = "The network was rebuilt before the " + what + " could be set; set it again";
                return;
            }
            try {
                change.run();
            } catch (IndexOutOfBoundsException e) {
                message = "That " + what + " is not in the network any more; set it again";
            }
        });
        // Wakes a paused session so that the edit shows at once; a playing one applies it between minibatches.
        submit(() -> { });
    }

    private void loop() {
        while (!closed) {
            try {
                Runnable command = canTrain() ? commands.poll() : commands.take();
                if (command != null) {
                    applyLiveEdits();
                    command.run();
                    for (Runnable more = commands.poll(); more != null; more = commands.poll()) {
                        more.run();
                    }
                    // When an epoch follows at once (after a frame's wake-up, say), its snapshot shows the commands.
                    if (!canTrain()) {
                        publish();
                    }
                    continue;
                }
                frameGranted.set(false);
                trainOneEpoch();
                publish();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A bug must not kill the thread silently: stop training and say so.
                playing = false;
                message = "Training stopped: " + e;
                publish();
            }
        }
    }

    /** Whether the loop trains an epoch when no command is waiting. */
    private boolean canTrain() {
        return playing && (speed == Speed.FLAT_OUT || frameGranted.get());
    }

    private void trainOneEpoch() {
        try {
            last = run.trainer().runEpoch(this::applyLiveEdits);
            editedSinceMeasured = false;
            log.add(last);
            rate.count();
        } catch (TrainingDivergedException e) {
            playing = false;
            message = e.getMessage();
            return;
        }
        if (stopper != null && stopper.observe(last)) {
            playing = false;
            message = stopper.reason();
            // The readouts show the restored weights; the log keeps what the last epoch measured.
            editedSinceMeasured = stopper.rule().restoreBestWeights();
        }
    }

    /**
     * A new watch when training starts again after early stopping stopped it, as every {@code fit} call starts
     * Keras' callback afresh.
     */
    private void watchAfresh() {
        if (stopper != null && stopper.hasStopped()) {
            stopper = newStopper(settings);
        }
    }

    private EarlyStopper newStopper(PlaygroundSettings s) {
        return s.earlyStopping() == null ? null
                : new EarlyStopper(s.earlyStopping(), EarlyStopper.of(run.trainer().network()));
    }

    private void applyLiveEdits() {
        for (Runnable edit = liveEdits.poll(); edit != null; edit = liveEdits.poll()) {
            edit.run();
            editedSinceMeasured = true;
        }
    }

    private void rebuild(PlaygroundSettings next) {
        rebuild(next, () -> next.toPlan().prepare());
    }

    /** A new build from {@code next}; one that cannot be prepared leaves the session as it was, with a message. */
    private void rebuild(PlaygroundSettings next, Supplier<PreparedRun> preparation) {
        PreparedRun prepared;
        try {
            prepared = preparation.get();
        } catch (PlaygroundException e) {
            message = e.getMessage();
            return;
        }
        startBuild(next, prepared);
    }

    private void changeLive(PlaygroundSettings next) {
        Trainer trainer = run.trainer();
        if (!next.paintedPoints().equals(settings.paintedPoints())) {
            // New data, same weights: the run goes on from where it is.
            PreparedRun prepared;
            try {
                prepared = next.toPlan().withInitialNetwork(trainer.network()).prepare();
            } catch (PlaygroundException e) {
                message = e.getMessage();
                return;
            }
            prepared.trainer().setEpoch(trainer.epoch());
            run = prepared;
            trainer = prepared.trainer();
            // The losses and accuracy shown count the painted points at once, not from the next epoch on.
            editedSinceMeasured = true;
        }
        trainer.setConfig(trainer.config().withLearningRate(next.learningRate()).withOptimizer(next.optimizer()));
        // A new rule, or new training data under a new trainer (painted points), starts a new watch.
        boolean newWatch = !Objects.equals(next.earlyStopping(), settings.earlyStopping())
                || !next.paintedPoints().equals(settings.paintedPoints());
        settings = next;
        if (newWatch) {
            stopper = newStopper(next);
        }
    }

    /** Makes {@code prepared}, made from {@code next}, the run of a new build, at its losses before training. */
    private void startBuild(PlaygroundSettings next, PreparedRun prepared) {
        install(next, prepared);
        // A new build's trainer stands at epoch 0: this is the entry before any training.
        log.add(last);
        publish();
    }

    /** Makes {@code prepared}, made from {@code next}, the run of a new build with an empty loss log. */
    private void install(PlaygroundSettings next, PreparedRun prepared) {
        liveEdits.clear();
        settings = Objects.requireNonNull(next);
        run = prepared;
        message = null;
        build++;
        log = new EpochLog(build, logCapacity());
        last = run.trainer().evaluate();
        editedSinceMeasured = false;
        stopper = newStopper(next);
        rate.reset();
    }

    private void publish() {
        if (editedSinceMeasured) {
            // Measured on the edited weights, at the same epoch: the readouts follow every edit at once.
            last = run.trainer().evaluate();
            editedSinceMeasured = false;
        }
        Network network = run.trainer().network();
        latest.set(new Snapshot(build, run.trainer().epoch(), last.trainLoss(), last.testLoss(), last.trainAccuracy(),
                last.testAccuracy(), last.validationLoss(), last.validationAccuracy(), network.copy(), run.split(),
                run.features(), settings, run.trainer().config(), playing, speed, rate.perSecond(), message,
                stopper == null ? 0 : stopper.bestEpoch(), stopper == null ? 0 : stopper.stoppedEpoch()));
    }

    /** Epochs per second, measured over a quarter of a second at a time. */
    private static final class RateMeter {
        private long windowStart = System.nanoTime();
        private int inWindow;
        private double perSecond;

        void count() {
            inWindow++;
            long now = System.nanoTime();
            long elapsed = now - windowStart;
            if (elapsed >= 250_000_000L) {
                perSecond = inWindow * 1e9 / elapsed;
                windowStart = now;
                inWindow = 0;
            }
        }

        void reset() {
            windowStart = System.nanoTime();
            inWindow = 0;
            perSecond = 0;
        }

        double perSecond() {
            if (System.nanoTime() - windowStart > 2_000_000_000L) {
                return 0;
            }
            return perSecond;
        }
    }
}
