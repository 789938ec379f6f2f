package org.mercato.platform.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeDistinctAndBindable() throws IOException {
        int ephemeralLow = LoopbackPorts.ephemeralLow();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = LoopbackPorts.free();
            assertTrue(port >= LoopbackPorts.LOWEST && port < ephemeralLow,
                    port + " is outside " + LoopbackPorts.LOWEST + ".." + (ephemeralLow - 1));
            assertTrue(ports.add(port), "handed out twice: " + port);
        }
        int port = LoopbackPorts.free();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            assertEquals(port, server.getLocalPort());
        }
    }

    @Test
    void aPortSomeServerHoldsIsNotHandedOut() throws IOException {
        // hold every port of a small window, then ask until the picker lands near it: none of the held may come back
        Set<Integer> held = new HashSet<>();
        java.util.List<ServerSocket> servers = new java.util.ArrayList<>();
        try {
            for (int port = LoopbackPorts.LOWEST; port < LoopbackPorts.LOWEST + 2000 && servers.size() < 1500; port++) {
                try {
                    ServerSocket server = new ServerSocket();
                    server.bind(new InetSocketAddress("127.0.0.1", port), 1);
                    servers.add(server);
                    held.add(port);
                } catch (IOException inUse) {
                    // someone else's: not ours to hold
                }
            }
            for (int i = 0; i < 300; i++) {
                int port = LoopbackPorts.free();
                assertTrue(!held.contains(port), "handed out a port a server listens on: " + port);
            }
        } finally {
            for (ServerSocket server : servers) {
                server.close();
            }
        }
    }
}
