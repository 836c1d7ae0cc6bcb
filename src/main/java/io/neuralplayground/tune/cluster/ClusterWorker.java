package io.neuralplayground.tune.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A worker of a trial cluster: a full member that runs up to {@code slots} trials at once, each on its own thread,
 * for whichever application ({@link ClusterTrialExecutor}) joins the same cluster. It holds nothing between trials
 * but the objectives it built, so it may be stopped, killed or started at any time: trials it was running run again
 * on another worker.
 */
public final class ClusterWorker implements AutoCloseable {
    private final ClusterSettings settings;
    private final int slots;
    private final HazelcastInstance member;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ClusterWorker(ClusterSettings settings, int slots) {
        this.settings = settings;
        this.slots = slots;
        this.member = MemberConfigs.start(settings, false, slots);
        member.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        if (!member.getLifecycleService().isRunning()) {
            stopped.countDown();
        }
    }

    /** Starts a worker with a slot per core. */
    public static ClusterWorker start(ClusterSettings settings) {
        return start(settings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts a worker and returns once it joined the cluster (or, finding no member, started it).
     *
     * @throws IllegalArgumentException if {@code slots} is below 1 or the settings name no address of this machine
     */
    public static ClusterWorker start(ClusterSettings settings, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("A worker needs at least one slot, not " + slots);
        }
        return new ClusterWorker(settings, slots);
    }

    public int slots() {
        return slots;
    }

    /** This worker's {@code HOST:PORT}, the port the system gave when the settings asked for any. */
    public String address() {
        return show(member.getCluster().getLocalMember().getAddress());
    }

    /** The line the worker command prints once the worker has joined. */
    public String joinedLine() {
        String members = member.getCluster().getMembers().stream()
                .map(m -> show(m.getAddress()) + role(m)).collect(Collectors.joining(", "));
        return "worker joined cluster " + settings.clusterName() + " at " + address() + " with " + slots
                + (slots == 1 ? " slot" : " slots") + "; members: " + members;
    }

    private String role(Member m) {
        if (m.localMember()) {
            return " (this worker)";
        }
        return m.isLiteMember() ? " (application)" : "";
    }

    /** Blocks until the worker stopped ({@link #close()}, or its member shut down). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Leaves the cluster; trials running here are sent again to other workers by their application. */
    @Override
    public void close() {
        try {
            member.shutdown();
        } finally {
            stopped.countDown();
        }
    }

    private static String show(Address a) {
        return a.getHost() + ":" + a.getPort();
    }
}
