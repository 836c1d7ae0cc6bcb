package io.neuralplayground.tune.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * The Hazelcast configuration of a trial-cluster member: TCP/IP join on the listed addresses only (no multicast, no
 * cloud auto-detection), quiet and offline (no logging, no phone-home, no Jet), quick to join and to notice a lost
 * member.
 */
final class MemberConfigs {
    /** The executor that runs trials on the workers: as many threads as the worker has slots. */
    static final String TRIALS = "trials";
    /** A separate executor for cancel requests, which must not queue behind the trials they cancel. */
    static final String CONTROL = "trial-control";
    /** The member attribute that says how many trials a worker runs at once. */
    static final String SLOTS = "slots";

    private MemberConfigs() {
    }

    /**
     * Starts a member; blocks until it joined the cluster (or, finding no member, started one).
     *
     * @param lite a lite member holds no data and runs no task unless one is sent to it by name: the application
     */
    static HazelcastInstance start(ClusterSettings settings, boolean lite, int slots) {
        // Only a system property set before Hazelcast's first class loads keeps it quiet: the Config property comes
        // too late for its start-up warnings.
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
        return Hazelcast.newHazelcastInstance(config(settings, lite, slots));
    }

    static Config config(ClusterSettings settings, boolean lite, int slots) {
        Config c = new Config();
        c.setClusterName(settings.clusterName());
        c.setInstanceName(settings.clusterName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        c.setLiteMember(lite);
        c.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "none"));
        c.setProperty("hazelcast.phone.home.enabled", "false");
        // The worker command and the executor leave the cluster themselves; Hazelcast's hook would race them.
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(settings.heartbeatTimeout().getSeconds()));
        // By default a member waits 5 s for others that might join at the same time; workers join one by one anyway.
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        // Two groups that started apart (the application before any worker) find each other and merge after this.
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        c.getJetConfig().setEnabled(false);

        NetworkConfig net = c.getNetworkConfig();
        net.setPort(settings.port()).setPortAutoIncrement(settings.port() != 0).setPortCount(100);
        net.getInterfaces().setEnabled(true).addInterface(settings.resolveBindAddress());
        net.getRestApiConfig().setEnabled(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());

        c.getMemberAttributeConfig().setAttribute(SLOTS, Integer.toString(lite ? 0 : slots));
        // Queue capacity 0 is "unbounded" to Hazelcast; the executor never sends a worker more than its slots.
        c.getExecutorConfig(TRIALS).setPoolSize(Math.max(1, slots)).setQueueCapacity(0);
        c.getExecutorConfig(CONTROL).setPoolSize(1).setQueueCapacity(0);
        return c;
    }
}
