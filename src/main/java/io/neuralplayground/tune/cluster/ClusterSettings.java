package io.neuralplayground.tune.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a member of a trial cluster finds the others and how it is reached: the same for the application
 * ({@link ClusterTrialExecutor}) and the workers ({@link ClusterWorker}).
 *
 * @param clusterName members join only a cluster of their own name: one name per search farm
 * @param members {@code HOST:PORT} of members to ask for the cluster (one reachable one is enough); empty: this member
 *     starts a cluster the others join
 * @param bindAddress the address of this machine the others reach it at (it listens there only); null: the address
 *     in {@code members} that is this machine's, else the one this machine reaches the first member from
 * @param port the port this member listens on; when taken, the next free one up to 100 higher. 0: any free port
 *     (tests), read back from the member
 * @param heartbeatTimeout a member silent this long is taken for dead, and its trials run elsewhere. A killed
 *     process is noticed at once (its connections close); this is for a machine that vanished from the network
 */
public record ClusterSettings(String clusterName, List<String> members, String bindAddress, int port,
        Duration heartbeatTimeout) {
    public static final String DEFAULT_CLUSTER_NAME = "neural-playground";
    public static final int DEFAULT_PORT = 5701;
    /** Long enough for a busy machine's garbage collection on a LAN, short enough to retry a lost trial soon. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);

    public ClusterSettings {
        if (clusterName == null || clusterName.isBlank() || !clusterName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("The cluster name \"" + clusterName + "\" is not a name: use letters, "
                    + "digits, '.', '_' and '-' (e.g. " + DEFAULT_CLUSTER_NAME + ")");
        }
        members = List.copyOf(members);
        members.forEach(ClusterSettings::checkMember);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port " + port + " is not a port: use 1 to 65535 (or 0 for any "
                    + "free one)");
        }
        if (heartbeatTimeout == null || heartbeatTimeout.getSeconds() < 2) {
            throw new IllegalArgumentException("A heartbeat timeout of " + heartbeatTimeout + " is too short: a "
                    + "member needs at least 2 s (heartbeats go every second)");
        }
        if (bindAddress != null && bindAddress.isBlank()) {
            bindAddress = null;
        }
    }

    /** The members in {@code HOST:PORT,HOST:PORT} and every other setting at its default. */
    public static ClusterSettings of(String members) {
        return of(parseMembers(members));
    }

    /** These members and every other setting at its default. */
    public static ClusterSettings of(List<String> members) {
        return new ClusterSettings(DEFAULT_CLUSTER_NAME, members, null, DEFAULT_PORT, DEFAULT_HEARTBEAT_TIMEOUT);
    }

    public ClusterSettings withClusterName(String name) {
        return new ClusterSettings(name, members, bindAddress, port, heartbeatTimeout);
    }

    public ClusterSettings withBindAddress(String address) {
        return new ClusterSettings(clusterName, members, address, port, heartbeatTimeout);
    }

    public ClusterSettings withPort(int p) {
        return new ClusterSettings(clusterName, members, bindAddress, p, heartbeatTimeout);
    }

    public ClusterSettings withHeartbeatTimeout(Duration timeout) {
        return new ClusterSettings(clusterName, members, bindAddress, port, timeout);
    }

    /**
     * {@code HOST:PORT,HOST:PORT} (spaces allowed after the commas; an IPv6 host in brackets, {@code [::1]:5701}).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code HOST:PORT}
     */
    public static List<String> parseMembers(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No member addresses: write HOST:PORT,HOST:PORT, e.g. "
                    + "192.168.1.10:5701,192.168.1.11:5701");
        }
        List<String> members = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            String m = entry.strip();
            checkMember(m);
            members.add(m);
        }
        return List.copyOf(members);
    }

    private static void checkMember(String m) {
        String advice = ": write HOST:PORT, e.g. 192.168.1.10:5701";
        if (m == null || m.isEmpty()) {
            throw new IllegalArgumentException("An empty member address (two commas in a row?)" + advice);
        }
        int colon = m.lastIndexOf(':');
        if (colon <= 0 || colon == m.length() - 1) {
            throw new IllegalArgumentException("The member address \"" + m + "\" has no port" + advice);
        }
        String host = m.substring(0, colon);
        if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
            throw new IllegalArgumentException("The member address \"" + m + "\" is an IPv6 address without "
                    + "brackets: write [ADDRESS]:PORT, e.g. [fe80::1]:5701");
        }
        int port;
        try {
            port = Integer.parseInt(m.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port of the member address \"" + m + "\" is not a number"
                    + advice, e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port of the member address \"" + m + "\" is not 1 to 65535"
                    + advice);
        }
    }

    static String hostOf(String member) {
        String host = member.substring(0, member.lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    static int portOf(String member) {
        return Integer.parseInt(member.substring(member.lastIndexOf(':') + 1));
    }

    /**
     * The IP address this member listens and is reached at: the bind address resolved, or the member address that
     * belongs to this machine, or the local address of the route to the first member (no packet is sent).
     *
     * @throws IllegalArgumentException when none of these works, saying to give the bind address
     */
    String resolveBindAddress() {
        try {
            if (bindAddress != null) {
                InetAddress a = InetAddress.getByName(bindAddress);
                if (NetworkInterface.getByInetAddress(a) == null && !a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("The bind address " + bindAddress + " is not an address of "
                            + "this machine: give one of its own (ip addr / ipconfig lists them)");
                }
                return a.getHostAddress();
            }
            for (String m : members) {
                InetAddress a = InetAddress.getByName(hostOf(m));
                if (!a.isLoopbackAddress() && NetworkInterface.getByInetAddress(a) != null) {
                    return a.getHostAddress();
                }
            }
            if (members.isEmpty()) {
                return InetAddress.getLoopbackAddress().getHostAddress();
            }
            InetAddress first = InetAddress.getByName(hostOf(members.get(0)));
            if (first.isLoopbackAddress()) {
                return first.getHostAddress();
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(new InetSocketAddress(first, portOf(members.get(0))));
                InetAddress local = probe.getLocalAddress();
                if (local == null || local.isAnyLocalAddress()) {
                    throw new SocketException("no route");
                }
                return local.getHostAddress();
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + e.getMessage() + ": give an IP address or a name "
                    + "this machine resolves", e);
        } catch (SocketException e) {
            throw new IllegalArgumentException("Cannot tell which address of this machine the cluster " + members
                    + " reaches (" + e.getMessage() + "): give it as the bind address (--bind)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "cluster %s of %s, this member at %s:%d, heartbeat timeout %d s",
                clusterName, members, bindAddress == null ? "(detected)" : bindAddress, port,
                heartbeatTimeout.getSeconds());
    }
}
