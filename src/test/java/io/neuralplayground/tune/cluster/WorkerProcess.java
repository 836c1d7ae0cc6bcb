package io.neuralplayground.tune.cluster;

import java.time.Duration;
import java.util.List;

/**
 * A worker JVM for the tests: {@code WorkerProcess CLUSTER MEMBERS SLOTS} (MEMBERS "-" for none) on 127.0.0.1, any
 * free port. It prints the worker's joined line and its process id, and exits when its standard input closes, so that
 * no worker outlives the test that started it, even when the test JVM is killed.
 */
public final class WorkerProcess {
    public static void main(String[] args) throws Exception {
        List<String> members = args[1].equals("-") ? List.of() : ClusterSettings.parseMembers(args[1]);
        ClusterSettings settings = new ClusterSettings(args[0], members, "127.0.0.1", 0, Duration.ofSeconds(5));
        ClusterWorker worker = ClusterWorker.start(settings, Integer.parseInt(args[2]));
        System.out.println(worker.joinedLine() + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Only the end of the input matters.
        }
        worker.close();
        System.exit(0);
    }
}
