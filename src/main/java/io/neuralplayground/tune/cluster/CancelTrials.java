package io.neuralplayground.tune.cluster;

import java.io.Serializable;
import java.util.List;

/** Sent to a worker when a search is cancelled: its running trials of that search stop at their next check. */
record CancelTrials(List<String> runIds) implements Runnable, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void run() {
        runIds.forEach(Cancellation::cancel);
    }
}
