package io.neuralplayground.tune.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The trials running in this worker process, by run id, each with the flag that tells it its search was cancelled. */
final class Cancellation {
    private static final Map<String, Flag> RUNNING = new ConcurrentHashMap<>();

    private Cancellation() {
    }

    static final class Flag {
        private volatile boolean set;

        boolean isSet() {
            return set;
        }
    }

    static Flag register(String runId) {
        Flag f = new Flag();
        RUNNING.put(runId, f);
        return f;
    }

    static void unregister(String runId) {
        RUNNING.remove(runId);
    }

    /** Tells the trial to stop at its next check; a trial that already ended is not here any more. */
    static void cancel(String runId) {
        Flag f = RUNNING.get(runId);
        if (f != null) {
            f.set = true;
        }
    }
}
