package io.neuralplayground.cli;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.tune.cluster.ClusterSettings;
import io.neuralplayground.tune.cluster.ClusterWorker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code worker}: this machine joins a cluster of workers that run hyperparameter-search trials for an application
 * on another machine (docs/cluster.md). It prints one line once it has joined and runs until it is stopped (Ctrl-C
 * leaves the cluster; the trials it was running run again on other workers).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run search trials for other machines: join a cluster and wait for trials.", "",
            "Start it on every worker machine with the same --cluster list (one reachable",
            "member is enough to join) and the same version of neural-playground; the",
            "application then runs its search on the cluster. Data files a search names must",
            "be at the same path on every worker. Runs until stopped (Ctrl-C)."},
        footer = {"", "Examples:",
            "  neural-playground worker --cluster 192.168.1.10:5701,192.168.1.11:5701",
            "  neural-playground worker --cluster pc-1:5701 --bind 192.168.1.12 --slots 2"})
final class WorkerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "HOST:PORT,...", required = true,
            description = "Members of the cluster to join, comma-separated (this machine's own address may be one).")
    private String cluster;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ClusterSettings.DEFAULT_PORT,
            description = "The port to listen on; the next free one above when taken (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "This machine's address the others reach it at (default: its own address in --cluster, "
                    + "else the one on the route to the first member).")
    private String bind;

    @Option(names = "--slots", paramLabel = "N",
            description = "Trials run at once (default: one per core).")
    private Integer slots;

    @Option(names = "--name", paramLabel = "CLUSTER", defaultValue = ClusterSettings.DEFAULT_CLUSTER_NAME,
            description = "The cluster's name: members join only a cluster of their own name (default: "
                    + "${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--heartbeat-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "A member silent this long is taken for dead (default: ${DEFAULT-VALUE}).")
    private int heartbeatTimeout;

    @Override
    public Integer call() throws InterruptedException {
        ClusterSettings settings = new ClusterSettings(name, ClusterSettings.parseMembers(cluster), bind, port,
                Duration.ofSeconds(heartbeatTimeout));
        ClusterWorker worker;
        try {
            worker = ClusterWorker.start(settings,
                    slots == null ? Runtime.getRuntime().availableProcessors() : slots);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PlaygroundException("The worker could not join the " + settings + ": " + e.getMessage()
                    + " (are ports " + port + " and up free on this machine?)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "worker-leaves-cluster"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(worker.joinedLine());
        out.flush();
        worker.awaitStopped();
        return Cli.OK;
    }
}
