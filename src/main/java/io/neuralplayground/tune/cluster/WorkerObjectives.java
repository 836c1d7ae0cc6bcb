package io.neuralplayground.tune.cluster;

import io.neuralplayground.tune.Objective;
import io.neuralplayground.tune.RemoteObjective;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objectives built in this worker process, by their description ({@code equals}): the data of a search is read
 * or generated once per worker, not once per trial. The few most recent descriptions are kept, so that a worker
 * serving one search after another does not keep every dataset it ever loaded.
 */
final class WorkerObjectives {
    private static final int KEPT = 4;
    private static final Map<RemoteObjective, Objective> BUILT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RemoteObjective, Objective> eldest) {
            return size() > KEPT;
        }
    };

    private WorkerObjectives() {
    }

    /**
     * The objective of this description, built at its first trial; the trials that arrive meanwhile wait for it
     * rather than build it again.
     */
    static synchronized Objective get(RemoteObjective description) {
        Objective o = BUILT.get(description);
        if (o == null) {
            o = description.create();
            if (o == null) {
                throw new IllegalStateException(description + " created no objective");
            }
            BUILT.put(description, o);
        }
        return o;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
