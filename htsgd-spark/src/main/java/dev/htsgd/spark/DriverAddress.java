package dev.htsgd.spark;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The address a sweep's driver listens on, which the executors of a cluster connect back to. Left to Java, the
 * driver takes whichever interface the host name resolves to, which executors on a loopback or multi-homed
 * host often cannot reach; the default here is the local address of the route to the master instead.
 */
public final class DriverAddress {

    private DriverAddress() {
    }

    /**
     * The local address that routes to the master of {@code master} ({@code spark://HOST:PORT,...}: the first
     * host; {@code k8s://URL}: the API server): 127.0.0.1 for a loopback master; null when the master names no
     * host (yarn) or no route is known, so that Spark's own choice stands. Sends nothing: connecting a UDP socket
     * only asks the kernel for the route.
     */
    public static String routeTo(String master) {
        String host;
        int port;
        try {
            if (master.startsWith("spark://")) {
                String first = master.substring("spark://".length()).split(",")[0].strip();
                URI u = new URI("spark://" + first);
                host = u.getHost();
                port = u.getPort();
            } else if (master.startsWith("k8s://")) {
                String rest = master.substring("k8s://".length());
                URI u = new URI(rest.contains("://") ? rest : "https://" + rest);
                host = u.getHost();
                port = u.getPort() > 0 ? u.getPort() : 443;
            } else {
                return null;
            }
            if (host == null) {
                return null;
            }
            InetAddress target = InetAddress.getByName(host);
            if (target.isLoopbackAddress()) {
                return target.getHostAddress();
            }
            try (DatagramSocket s = new DatagramSocket()) {
                s.connect(new InetSocketAddress(target, Math.max(port, 1)));
                InetAddress local = s.getLocalAddress();
                return local == null || local.isAnyLocalAddress() ? null : local.getHostAddress();
            }
        } catch (Exception e) { // unresolvable or unroutable: Spark's default, and the job says what fails
            return null;
        }
    }

    /**
     * {@code host} when it is a name or address of this machine (one the driver can bind to), as typed; else bad
     * input naming {@code option}.
     */
    public static String check(String host, String option) {
        String h = host.strip();
        String why;
        try {
            InetAddress a = h.isEmpty() ? null : InetAddress.getByName(h);
            if (a == null) {
                why = "empty";
            } else if (a.isAnyLocalAddress()) {
                why = "a wildcard address";
            } else if (a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null) {
                return h;
            } else {
                why = a.getHostAddress() + " is not an address of this machine";
            }
        } catch (UnknownHostException e) {
            why = "unknown host";
        } catch (SocketException e) {
            why = e.getMessage();
        }
        throw new IllegalArgumentException(option + " must be a host name or IP address of this machine that the "
                + "executors can reach, got '" + host + "' (" + why + ")");
    }
}
