package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.testing.SessionThread;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Snapshot awaitSnapshot(Predicate<Snapshot> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(session::latest, condition::test);
    }

    /** A session whose training thread the test watches, to prove that it has stopped training. */
    private SessionThread<TrainingSession> watchedSession(PlaygroundSettings settings) {
        SessionThread<TrainingSession> watched = SessionThread.start(() -> new TrainingSession(settings));
        session = watched.made();
        return watched;
    }

    @Test
    void startsPausedAtEpochZeroWithTheInitialLoss() {
        session = new TrainingSession(PlaygroundSettings.defaults());
        Snapshot s = session.latest();
        assertThat(s.epoch()).isZero();
        assertThat(s.playing()).isFalse();
        assertThat(s.trainLoss()).isBetween(0.3, 0.7);
        assertThat(s.network().describe()).isEqualTo("2-4-2-1");
        assertThat(session.log().size()).isEqualTo(1);
    }

    @Test
    void playingFlatOutTrainsAndTheLossFalls() throws Exception {
        SessionThread<TrainingSession> watched = watchedSession(PlaygroundSettings.defaults());
        double initial = session.latest().trainLoss();
        session.setSpeed(Speed.FLAT_OUT);
        session.play();
        Snapshot s = awaitSnapshot(snap -> snap.epoch() >= 300);
        session.pause();
        session.sync();
        Snapshot paused = session.latest();
        assertThat(paused.playing()).isFalse();
        assertThat(s.trainLoss()).isLessThan(initial / 5);
        // every epoch is in the log, even those no snapshot showed
        EpochLog.Slice all = session.log().since(0);
        assertThat(all.length()).isEqualTo(paused.epoch() + 1);
        for (int i = 0; i < all.length(); i++) {
            assertThat(all.epochs()[i]).isEqualTo(i);
        }
        // Paused, the thread waits for a command; until it gets one no epoch can come.
        watched.awaitIdle();
        assertThat(session.latest().epoch()).isEqualTo(paused.epoch());
        assertThat(session.log().size()).isEqualTo(paused.epoch() + 1);
    }

    @Test
    void theLogKeepsEachEpochsAccuracyBesideItsLosses() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR));
        session.trainEpochs(12);
        session.sync();
        Snapshot s = session.latest();
        EpochLog.Slice all = session.log().since(0);
        assertThat(all.length()).isEqualTo(13);
        assertThat(Arrays.stream(all.trainAccuracy())).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
        assertThat(Arrays.stream(all.testAccuracy())).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
        assertThat(all.trainAccuracy()[12]).isEqualTo(s.trainAccuracy());
        assertThat(all.testAccuracy()[12]).isEqualTo(s.testAccuracy());
        assertThat(all.trainLoss()[12]).isEqualTo(s.trainLoss());
    }

    @Test
    void regressionLogsNoAccuracy() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults().withDataset(PlaygroundDataset.PLANE));
        session.trainEpochs(3);
        session.sync();
        EpochLog.Slice all = session.log().since(0);
        assertThat(all.length()).isEqualTo(4);
        assertThat(all.trainAccuracy()).containsOnly(Double.NaN);
        assertThat(all.testAccuracy()).containsOnly(Double.NaN);
        assertThat(Arrays.stream(all.trainLoss())).allSatisfy(l -> assertThat(l).isFinite());
    }

    @Test
    void onePerFrameTrainsOneEpochPerGrant() throws Exception {
        SessionThread<TrainingSession> watched = watchedSession(PlaygroundSettings.defaults());
        session.play();
        session.sync();
        // Playing, but with no frame granted the thread waits for a command instead of training.
        watched.awaitIdle();
        assertThat(session.latest().playing()).isTrue();
        assertThat(session.latest().epoch()).isZero();
        for (int frame = 1; frame <= 5; frame++) {
            session.grantFrame();
            int expected = frame;
            awaitSnapshot(s -> s.epoch() == expected);
        }
        // The fifth frame used, the thread waits for the next: no sixth epoch can come.
        watched.awaitIdle();
        assertThat(session.latest().epoch()).isEqualTo(5);
    }

    @Test
    void stepTrainsExactlyOneEpoch() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        session.step();
        session.step();
        session.sync();
        assertThat(session.latest().epoch()).isEqualTo(2);
        assertThat(session.latest().playing()).isFalse();
    }

    @Test
    void resetKeepsTheInitialWeightsAndNewWeightsDrawsOthers() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        double[][] initial = session.latest().network().layer(0).kernelCopy();
        long build = session.latest().build();
        session.trainEpochs(10);
        session.sync();
        assertThat(session.latest().network().layer(0).kernelCopy()).isNotEqualTo(initial);
        session.reset();
        session.sync();
        assertThat(session.latest().epoch()).isZero();
        assertThat(session.latest().build()).isGreaterThan(build);
        assertThat(session.latest().network().layer(0).kernelCopy()).isDeepEqualTo(initial);
        session.newWeights();
        session.sync();
        assertThat(session.latest().network().layer(0).kernelCopy()).isNotEqualTo(initial);
        assertThat(session.latest().settings().weightDraw()).isEqualTo(1);
    }

    @Test
    void shapeChangesRebuildButTheLearningRateChangesLive() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        session.trainEpochs(5);
        session.sync();
        long build = session.latest().build();
        PlaygroundSettings faster = session.latest().settings().withLearningRate(0.3);
        session.apply(faster);
        session.sync();
        assertThat(session.latest().build()).isEqualTo(build);
        assertThat(session.latest().epoch()).isEqualTo(5);
        assertThat(session.latest().settings().learningRate()).isEqualTo(0.3);

        PlaygroundSettings wider = faster.withHidden(List.of(4, 2, 3),
                List.of(Activation.TANH, Activation.TANH, Activation.RELU))
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2));
        session.apply(wider);
        session.sync();
        Snapshot s = session.latest();
        assertThat(s.build()).isGreaterThan(build);
        assertThat(s.epoch()).isZero();
        assertThat(s.network().describe()).isEqualTo("3-4-2-3-1");
        assertThat(s.network().layer(2).activation()).isEqualTo(Activation.RELU);
        assertThat(s.features().names()).containsExactly("x1", "x2", "x1x2");
    }

    @Test
    void aWeightEditLandsInTheNextSnapshotAlsoWhilePlaying() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        long build = session.latest().build();
        session.setWeight(build, 1, 2, 0, 4.5);
        session.setBias(build, 2, 0, -0.75);
        session.sync();
        assertThat(session.latest().network().layer(1).weight(2, 0)).isEqualTo(4.5);
        assertThat(session.latest().network().layer(2).bias(0)).isEqualTo(-0.75);

        session.setSpeed(Speed.FLAT_OUT);
        session.play();
        awaitSnapshot(s -> s.epoch() > 10);
        session.setWeight(build, 0, 0, 0, 123.0);
        // one more epoch moves it a little from 123, never back to the old value
        Snapshot after = awaitSnapshot(s -> Math.abs(s.network().layer(0).weight(0, 0) - 123.0) < 5);
        assertThat(after.network().layer(0).weight(0, 0)).isBetween(118.0, 128.0);
    }

    @Test
    void lossesAndAccuraciesFollowAWeightEditWhilePaused() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        Snapshot before = session.latest();
        session.setBias(before.build(), 2, 0, 3.0);
        session.setWeight(before.build(), 1, 0, 0, -2.5);
        // The edit wakes the paused session; its snapshot must carry the losses of the edited weights.
        Snapshot edited = awaitSnapshot(s -> s.network().layer(2).bias(0) == 3.0
                && s.network().layer(1).weight(0, 0) == -2.5);
        assertThat(edited.epoch()).isZero();
        assertThat(edited.playing()).isFalse();
        var measured = edited.settings().toPlan().withInitialNetwork(edited.network()).prepare().trainer()
                .evaluate();
        assertThat(edited.trainLoss()).isEqualTo(measured.trainLoss()).isNotEqualTo(before.trainLoss());
        assertThat(edited.testLoss()).isEqualTo(measured.testLoss()).isNotEqualTo(before.testLoss());
        assertThat(edited.trainAccuracy()).isEqualTo(measured.trainAccuracy());
        assertThat(edited.testAccuracy()).isEqualTo(measured.testAccuracy());
    }

    @Test
    void anEditForAnOlderBuildIsDroppedWithAMessage() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        long old = session.latest().build();
        session.newWeights();
        session.sync();
        session.setWeight(old, 0, 0, 0, 9.0);
        session.sync();
        assertThat(session.latest().network().layer(0).weight(0, 0)).isNotEqualTo(9.0);
        assertThat(session.latest().message()).contains("rebuilt");
        session.setBias(session.latest().build(), 5, 0, 1.0);
        session.sync();
        assertThat(session.latest().message()).contains("not in the network");
    }

    @Test
    void divergenceStopsPausesAndSaysWhy() throws Exception {
        PlaygroundSettings wild = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.PLANE)
                .withAllHiddenActivations(Activation.LINEAR).withLearningRate(10);
        session = new TrainingSession(wild);
        session.setSpeed(Speed.FLAT_OUT);
        session.play();
        Snapshot stopped = awaitSnapshot(s -> s.message() != null);
        assertThat(stopped.playing()).isFalse();
        assertThat(stopped.message()).contains("at epoch", "lower the learning rate (now 10)");
        assertThat(stopped.network().isFinite()).isTrue();
        assertThat(Double.isFinite(stopped.trainLoss())).isTrue();
    }

    @Test
    void paintedPointsJoinTheTrainingDataAndKeepTheWeights() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        session.trainEpochs(3);
        session.sync();
        Snapshot before = session.latest();
        session.apply(before.settings().withPaintedPoints(List.of(new Point(1, 1, 1), new Point(-4, 4, -1))));
        session.sync();
        Snapshot after = session.latest();
        assertThat(after.split().train().size()).isEqualTo(before.split().train().size() + 2);
        assertThat(after.epoch()).isEqualTo(3);
        assertThat(after.network().layer(0).kernelCopy()).isDeepEqualTo(before.network().layer(0).kernelCopy());
    }

    @Test
    void badSettingsLeaveTheSessionAsItWasWithAMessage() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults());
        Snapshot before = session.latest();
        session.apply(before.settings().withFeatures(List.of()));
        session.sync();
        Snapshot after = session.latest();
        assertThat(after.message()).contains("No input features");
        assertThat(after.build()).isEqualTo(before.build());
        assertThat(after.network().describe()).isEqualTo("2-4-2-1");
    }

    @Test
    void earlyStoppingStopsWhereKerasRuleSaysAndRestoresTheBestEpochsWeights() throws Exception {
        EarlyStopping rule = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0.002, 4, true, 0);
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withValidationShare(0.2).withLearningRate(0.3).withEarlyStopping(rule);
        session = new TrainingSession(settings);
        session.setSpeed(Speed.FLAT_OUT);
        session.play();
        Snapshot stopped = awaitSnapshot(s -> s.stoppedEpoch() > 0);

        // Keras' rule replayed on the validation losses the log kept gives the same epochs.
        EpochLog.Slice history = session.log().since(0);
        EarlyStopper replay = new EarlyStopper(rule, EarlyStopper.of(stopped.network()));
        int replayStop = 0;
        for (int i = 1; i < history.length() && replayStop == 0; i++) {
            replayStop = replay.observe(history.epochs()[i], history.validationLoss()[i]) ? history.epochs()[i] : 0;
        }
        assertThat(stopped.stoppedEpoch()).isEqualTo(replayStop).isEqualTo(stopped.epoch());
        assertThat(stopped.bestEpoch()).isEqualTo(replay.bestEpoch()).isLessThan(stopped.epoch());
        assertThat(stopped.playing()).isFalse();
        assertThat(stopped.message()).isEqualTo("Stopped at epoch " + stopped.stoppedEpoch()
                + ": val_loss has not improved by 0.002 for 4 epochs; restored the weights of epoch "
                + stopped.bestEpoch());
        assertThat(stopped.split().validation().size()).isEqualTo(50);
        assertThat(stopped.split().train().size()).isEqualTo(200);

        // The weights shown are those of the best epoch: the same run stopped there by hand has them.
        try (TrainingSession byHand = new TrainingSession(settings.withEarlyStopping(null))) {
            byHand.trainEpochs(stopped.bestEpoch());
            byHand.sync();
            assertThat(stopped.network().sameParameters(byHand.latest().network())).isTrue();
            assertThat(stopped.validationLoss()).isEqualTo(byHand.latest().validationLoss());
        }

        // Play again: a new watch starts, as a new fit does in Keras, and trains on past the first stop.
        session.play();
        Snapshot again = awaitSnapshot(s -> s.epoch() > stopped.epoch());
        assertThat(again.stoppedEpoch()).satisfiesAnyOf(e -> assertThat(e).isZero(),
                e -> assertThat(e).isGreaterThan(stopped.epoch()));
    }

    @Test
    void validationLossesAreLoggedBesideTheOthers() throws Exception {
        session = new TrainingSession(PlaygroundSettings.defaults().withValidationShare(0.3));
        session.trainEpochs(3);
        session.sync();
        EpochLog.Slice history = session.log().since(0);
        assertThat(history.validationLoss()).hasSize(4);
        assertThat(Arrays.stream(history.validationLoss())).allSatisfy(v -> assertThat(v).isFinite().isPositive());
        assertThat(Arrays.stream(history.validationAccuracy())).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(session.latest().validationLoss()).isEqualTo(history.validationLoss()[3]);
    }
}
