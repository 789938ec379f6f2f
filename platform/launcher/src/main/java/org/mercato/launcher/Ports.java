package org.mercato.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.mercato.platform.ports.LoopbackPorts;

final class Ports {

    private Ports() {
    }

    /**
     * A port free now and likely still free when a server binds it minutes later: below the kernel's ephemeral range,
     * never handed out twice ({@link LoopbackPorts}).
     */
    static int free() {
        return LoopbackPorts.free();
    }

    static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
