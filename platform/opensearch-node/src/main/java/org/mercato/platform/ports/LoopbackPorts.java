package org.mercato.platform.ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers the platform and its tests start on this machine, chosen so that they are still free when
 * the server binds them, seconds or minutes later.
 *
 * <p>Asking the kernel for port 0 gives a port from its <em>ephemeral</em> range ({@code
 * /proc/sys/net/ipv4/ip_local_port_range}, 32768-60999 by default), the range it also takes the local port of every
 * outgoing connection from: while a cluster starts, thousands of connections (data grid, JDBC, JMS, HTTP) come and
 * go, and one of them holding a port chosen earlier made a Payara instance fail to boot ("BindException: Address
 * already in use") three times in a row. So this class picks ports below the ephemeral range (from 20000 up), where
 * the kernel never puts an outgoing connection, checks each is free on every address, and never hands the same port
 * out twice in one JVM. Where the ephemeral range leaves no room below it, it falls back to a port the kernel picks.
 */
public final class LoopbackPorts {

    /** The lowest port handed out: above the registered ports most local services use. */
    static final int LOWEST = 20000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /**
     * A TCP port free right now on every address, outside the kernel's ephemeral range, and not handed out before
     * by this JVM.
     *
     * @throws UncheckedIOException when no port can be found
     */
    public static int free() {
        int ceiling = ephemeralLow() - 1;
        if (ceiling - LOWEST >= 1000) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 500; attempt++) {
                int port = random.nextInt(LOWEST, ceiling + 1);
                if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
        return kernelChosen();
    }

    /** The first port of the kernel's ephemeral range (32768 when it cannot be read). */
    static int ephemeralLow() {
        // a reader, not Files.readString: the JDK trusts /proc's reported size of 0 and was seen to read one byte
        try (BufferedReader in = Files.newBufferedReader(EPHEMERAL_RANGE, StandardCharsets.US_ASCII)) {
            String[] range = in.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean bindable(int port) {
        // the wildcard address: a server on 127.0.0.1 or on any address holding the port makes this fail
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(0), 1);
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new UncheckedIOException(new IOException("no free port not handed out before"));
    }
}
