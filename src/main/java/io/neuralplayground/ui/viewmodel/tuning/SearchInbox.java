package io.neuralplayground.ui.viewmodel.tuning;

import io.neuralplayground.tune.Progress;
import io.neuralplayground.tune.SearchListener;
import io.neuralplayground.tune.SearchOutcome;
import io.neuralplayground.tune.Trial;
import io.neuralplayground.tune.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a running search tells the Tuning tab, kept until the window's next frame takes it all at once. The search
 * and its trials post from their own threads and never wait; the FX thread {@link #drain()}s once a frame, so a
 * thousand epochs a second arrive as one update, not a thousand.
 */
final class SearchInbox implements SearchListener {
    /** One thing the search said. */
    sealed interface Event {
    }

    record Started(Trial trial) implements Event {
    }

    /** A running trial's goal metric after an epoch (NaN when the epoch did not report it). */
    record Epoch(Trial trial, int epoch, double value) implements Event {
    }

    record Ended(TrialResult result, boolean resumed) implements Event {
    }

    record Moved(Progress progress) implements Event {
    }

    record Finished(SearchOutcome outcome) implements Event {
    }

    /** The search could not run on (a results folder of another search, a disk that is full). */
    record Failed(String message) implements Event {
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final String metric;

    /** @param metric the objective's metric, the one value of each epoch kept for the learning curves */
    SearchInbox(String metric) {
        this.metric = metric;
    }

    /** Everything posted since the last drain, in order. */
    List<Event> drain() {
        List<Event> out = new ArrayList<>();
        for (Event e; (e = events.poll()) != null; ) {
            out.add(e);
        }
        return out;
    }

    void failed(String message) {
        events.add(new Failed(message));
    }

    @Override
    public void trialStarted(Trial trial) {
        events.add(new Started(trial));
    }

    @Override
    public void epochEnded(Trial trial, int epoch, Map<String, Double> metrics) {
        events.add(new Epoch(trial, epoch, metrics.getOrDefault(metric, Double.NaN)));
    }

    @Override
    public void trialFinished(TrialResult result) {
        events.add(new Ended(result, false));
    }

    @Override
    public void trialFailed(TrialResult result) {
        events.add(new Ended(result, false));
    }

    @Override
    public void trialResumed(TrialResult result) {
        events.add(new Ended(result, true));
    }

    @Override
    public void progress(Progress progress) {
        events.add(new Moved(progress));
    }

    @Override
    public void searchFinished(SearchOutcome outcome) {
        events.add(new Finished(outcome));
    }
}
