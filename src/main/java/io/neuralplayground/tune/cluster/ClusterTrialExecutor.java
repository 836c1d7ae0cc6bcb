package io.neuralplayground.tune.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.neuralplayground.tune.RemoteObjective;
import io.neuralplayground.tune.TrialContext;
import io.neuralplayground.tune.TrialExecutor;
import io.neuralplayground.tune.TrialJob;
import io.neuralplayground.tune.TrialResult;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Trials on the workers of a cluster ({@link ClusterWorker}, the {@code worker} command), each on one slot of one
 * worker. The application joins the cluster as a lite member: it holds no data and runs no trial.
 *
 * <p>Each trial travels as its {@link RemoteObjective} and its {@link io.neuralplayground.tune.Trial}; the worker runs
 * {@code new TrialJob(trial, remoteObjective.create(), context).run()} (the objective built once per worker and
 * description) and sends back the result with the epochs it reported, which are replayed to the submitted job's
 * context before its future completes, so that listeners see every learning curve. The search's own objective is not
 * called: give the search {@code remoteObjective.create()} or anything else.
 *
 * <p>A worker gets a trial only while it runs fewer than its slots, the one with the most free slots first. A trial
 * whose worker left the cluster (killed, crashed, unplugged: noticed when its connections close, else after the
 * heartbeat timeout) runs again on another worker, first in line; trials are deterministic from their seed, so the
 * result is the one the lost run would have given. With no worker left, trials wait for one to join. A trial's own
 * failure is inside its result, as with any executor. When a job's context says cancelled, it is not sent, or if it
 * runs it completes as cancelled at once while its worker is told to stop it.
 */
public final class ClusterTrialExecutor implements TrialExecutor {
    /** How long {@link #slots()} waits for the first worker unless told. */
    public static final Duration DEFAULT_WORKER_WAIT = Duration.ofSeconds(60);
    /** A trial sent this often to members that vanish before they answer fails instead of circling for ever. */
    static final int MAX_ATTEMPTS = 20;
    private static final long POLL_MILLIS = 100;

    private final ClusterSettings settings;
    private final RemoteObjective objective;
    private final Duration workerWait;
    private final HazelcastInstance member;
    private final IExecutorService trials;
    private final UUID membershipRegistration;
    private final String runPrefix = UUID.randomUUID().toString();
    private final Thread dispatcher;

    private final Object lock = new Object();
    private final Deque<Run> queue = new ArrayDeque<>();
    private final Map<String, Run> running = new HashMap<>();
    private final Map<UUID, Integer> busy = new HashMap<>();
    /** Runs whose job ended (cancelled) while their worker still runs them: the slot is taken until it answers. */
    private final Map<String, UUID> abandonedWorkers = new HashMap<>();
    /**
     * Members a trial was lost on, with when (nanoTime): none gets another trial for a heartbeat timeout, lest a retry
     * go straight back to a member that is leaving (the failure often arrives before the membership event); a member
     * still there after that was not leaving after all.
     */
    private final Map<UUID, Long> lost = new HashMap<>();
    private long sequence;
    private int retries;
    private boolean sawWorker;
    private boolean closed;

    /** Joins the cluster of these {@code HOST:PORT} members under this name, every other setting at its default. */
    public ClusterTrialExecutor(List<String> members, String clusterName, RemoteObjective objective) {
        this(ClusterSettings.of(members).withClusterName(clusterName), objective, DEFAULT_WORKER_WAIT);
    }

    public ClusterTrialExecutor(ClusterSettings settings, RemoteObjective objective) {
        this(settings, objective, DEFAULT_WORKER_WAIT);
    }

    /**
     * Joins the cluster; returns once this member is in it (workers may join later).
     *
     * @param workerWait how long {@link #slots()} waits for the first worker before it gives up
     */
    public ClusterTrialExecutor(ClusterSettings settings, RemoteObjective objective, Duration workerWait) {
        if (settings == null || objective == null || workerWait == null) {
            throw new IllegalArgumentException("a cluster executor needs its settings, the objective's description "
                    + "and how long to wait for a worker");
        }
        requireSerializable(objective);
        this.settings = settings;
        this.objective = objective;
        this.workerWait = workerWait;
        this.member = MemberConfigs.start(settings, true, 0);
        this.trials = member.getExecutorService(MemberConfigs.TRIALS);
        this.membershipRegistration = member.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                wake();
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                synchronized (lock) {
                    busy.remove(e.getMember().getUuid());
                    lost.remove(e.getMember().getUuid());
                    lock.notifyAll();
                }
            }
        });
        this.dispatcher = new Thread(this::dispatchLoop, "cluster-dispatch-" + settings.clusterName());
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Fails now, not at every trial, when the description cannot travel (a field that is not serializable …). */
    private static void requireSerializable(RemoteObjective objective) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(objective);
        } catch (IOException e) {
            throw new IllegalArgumentException("The objective's description " + objective + " cannot be sent to "
                    + "workers: " + e + ". Describe the problem with serializable values (names, paths, numbers), "
                    + "not with the data or the network themselves", e);
        }
    }

    /** A trial on its way: queued, or running on {@code worker}. */
    private static final class Run {
        final TrialJob job;
        final CompletableFuture<TrialResult> future = new CompletableFuture<>();
        int attempts;
        String runId;
        Member worker;

        Run(TrialJob job) {
            this.job = job;
        }
    }

    @Override
    public CompletableFuture<TrialResult> submit(TrialJob job) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the cluster executor of " + settings.clusterName() + " is closed");
            }
            Run r = new Run(job);
            queue.addLast(r);
            lock.notifyAll();
            return r.future;
        }
    }

    /**
     * The slots of the workers in the cluster now, at least 1 once a worker joined (when all left, trials wait in
     * line for the next); before the first worker joins it waits for one.
     *
     * @throws IllegalStateException when no worker joined within the wait, saying how to start one
     */
    @Override
    public int slots() {
        long deadline = System.nanoTime() + workerWait.toNanos();
        synchronized (lock) {
            while (!sawWorker && workerSlots() == 0) {
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    throw new IllegalStateException(noWorkerMessage());
                }
                try {
                    lock.wait(Math.max(1, Math.min(left / 1_000_000, POLL_MILLIS)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a worker of cluster "
                            + settings.clusterName(), e);
                }
            }
            int n = workerSlots();
            sawWorker |= n > 0;
            return Math.max(1, n);
        }
    }

    private String noWorkerMessage() {
        String list = String.join(",", settings.members());
        return "No worker joined cluster \"" + settings.clusterName() + "\" within " + workerWait.getSeconds()
                + " s (this application is at " + address() + "). Start one on each worker machine with "
                + "'neural-playground worker --cluster " + (list.isEmpty() ? address() : list) + " --name "
                + settings.clusterName() + "' (the same version of the application everywhere), and check that "
                + "their firewalls let TCP port " + settings.port() + " and up through";
    }

    /** This member's {@code HOST:PORT}, the port the system gave when the settings asked for any. */
    public String address() {
        var a = member.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    /** How many times a trial was sent again because its worker left: for logs and tests. */
    public int retriedTrials() {
        synchronized (lock) {
            return retries;
        }
    }

    /** The workers in the cluster now, as {@code HOST:PORT}. */
    public List<String> workers() {
        return member.getCluster().getMembers().stream().filter(m -> !m.isLiteMember())
                .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort()).toList();
    }

    /** Leaves the cluster. Trials still in line or running fail with that news; running ones finish on their own. */
    @Override
    public void close() {
        List<Run> orphans;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            orphans = new ArrayList<>(queue);
            orphans.addAll(running.values());
            queue.clear();
            running.clear();
            lock.notifyAll();
        }
        orphans.forEach(r -> r.future.completeExceptionally(
                new IllegalStateException("the cluster executor was closed before the trial ended")));
        dispatcher.interrupt();
        try {
            member.getCluster().removeMembershipListener(membershipRegistration);
            member.shutdown();
        } catch (RuntimeException e) {
            // Leaving a cluster that is going down anyway: nothing left to release.
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private static int slotsOf(Member m) {
        if (m.isLiteMember()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.getAttribute(MemberConfigs.SLOTS));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private int workerSlots() {
        return member.getCluster().getMembers().stream().mapToInt(ClusterTrialExecutor::slotsOf).sum();
    }

    private void dispatchLoop() {
        synchronized (lock) {
            while (!closed) {
                dropCancelled();
                dispatch();
                try {
                    // Woken by a submission, an answer or a member joining; the timeout notices cancellations.
                    lock.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Under the lock: cancelled jobs in line end at once; running ones too, and their workers are told. */
    private void dropCancelled() {
        queue.removeIf(r -> {
            if (r.job.context().isCancelled()) {
                r.future.complete(cancelled(r));
                return true;
            }
            return false;
        });
        Map<Member, List<String>> toStop = new HashMap<>();
        running.values().removeIf(r -> {
            if (r.job.context().isCancelled()) {
                toStop.computeIfAbsent(r.worker, w -> new ArrayList<>()).add(r.runId);
                abandonedWorkers.put(r.runId, r.worker.getUuid());
                r.future.complete(cancelled(r));
                return true;
            }
            return false;
        });
        IExecutorService control = toStop.isEmpty() ? null : member.getExecutorService(MemberConfigs.CONTROL);
        toStop.forEach((worker, ids) -> {
            try {
                control.executeOnMember(new CancelTrials(ids), worker);
            } catch (RuntimeException e) {
                // A worker that cannot be told stops nothing: its trial runs to its end and is ignored.
            }
        });
    }

    private static TrialResult cancelled(Run r) {
        return new TrialResult(r.job.trial(), TrialResult.Status.CANCELLED, Double.NaN, List.of(), 0, null, 0);
    }

    /** Under the lock: sends trials in line to free slots, the worker with the most free slots first. */
    private void dispatch() {
        while (!queue.isEmpty()) {
            Optional<Member> free = member.getCluster().getMembers().stream()
                    .filter(m -> freeSlots(m) > 0 && !recentlyLost(m)).max(Comparator.comparingInt(this::freeSlots));
            if (free.isEmpty()) {
                return;
            }
            send(queue.pollFirst(), free.get());
        }
    }

    private boolean recentlyLost(Member m) {
        Long at = lost.get(m.getUuid());
        return at != null && System.nanoTime() - at < settings.heartbeatTimeout().toNanos();
    }

    private int freeSlots(Member m) {
        return slotsOf(m) - busy.getOrDefault(m.getUuid(), 0);
    }

    private void send(Run r, Member worker) {
        r.attempts++;
        r.runId = runPrefix + "/" + (sequence++);
        r.worker = worker;
        running.put(r.runId, r);
        busy.merge(worker.getUuid(), 1, Integer::sum);
        String runId = r.runId;
        try {
            trials.submitToMember(new RemoteTrial(objective, r.job.trial(), runId), worker,
                    new ExecutionCallback<RemoteTrial.Outcome>() {
                        @Override
                        public void onResponse(RemoteTrial.Outcome outcome) {
                            answered(runId, outcome, null);
                        }

                        @Override
                        public void onFailure(Throwable t) {
                            answered(runId, null, t);
                        }
                    });
        } catch (RuntimeException e) {
            // Refused before it left: the description or the trial cannot be serialized, or the member is gone.
            answered(runId, null, e);
        }
    }

    /** On a Hazelcast thread, or the dispatcher's when the trial could not be sent. */
    private void answered(String runId, RemoteTrial.Outcome outcome, Throwable failure) {
        Run r;
        synchronized (lock) {
            r = running.remove(runId);
            if (r == null) {
                // Cancelled or closed meanwhile: its future is complete already; its worker's slot is free now.
                releaseSlotOf(runId);
                lock.notifyAll();
                return;
            }
            busy.computeIfPresent(r.worker.getUuid(), (k, v) -> Math.max(0, v - 1));
            if (failure != null && isMemberLoss(failure) && r.attempts < MAX_ATTEMPTS && !closed) {
                retries++;
                lost.put(r.worker.getUuid(), System.nanoTime());
                queue.addFirst(r);
                lock.notifyAll();
                return;
            }
            lock.notifyAll();
        }
        if (failure != null) {
            r.future.completeExceptionally(new IllegalStateException("trial " + r.job.trial().number()
                    + " failed on worker " + r.worker.getAddress() + " after " + r.attempts + " attempt(s): "
                    + chain(failure), failure));
            return;
        }
        replay(r.job.context(), outcome);
        TrialResult res = outcome.result();
        // The submitter's own trial object rather than the copy that travelled (they are equal).
        r.future.complete(new TrialResult(r.job.trial(), res.status(), res.value(), res.history(), res.epochsRun(),
                res.error(), res.elapsedMillis()));
    }

    private void releaseSlotOf(String runId) {
        UUID w = abandonedWorkers.remove(runId);
        if (w != null) {
            busy.computeIfPresent(w, (k, v) -> Math.max(0, v - 1));
        }
    }

    private static void replay(TrialContext context, RemoteTrial.Outcome outcome) {
        for (RemoteTrial.EpochReport e : outcome.epochs()) {
            context.epochEnded(e.epoch(), e.metrics());
        }
    }

    /**
     * Whether the trial did not run because its member is gone (or going): then it runs again elsewhere. A trial's
     * own exception never gets here (it is inside its result).
     */
    static boolean isMemberLoss(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RetryableException || c instanceof MemberLeftException
                    || c instanceof TargetDisconnectedException || c instanceof TargetNotMemberException
                    || c instanceof RejectedExecutionException) {
                return true;
            }
        }
        return false;
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(sb.length() > 0 ? " <- " : "").append(c.getClass().getSimpleName())
                    .append(c.getMessage() == null ? "" : ": " + c.getMessage());
        }
        return sb.toString();
    }
}
