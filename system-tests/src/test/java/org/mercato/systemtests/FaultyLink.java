package org.mercato.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link between one service and another (the order service's calls to payments) that a test can cut: FORWARD
 * passes bytes both ways, REFUSE closes every connection at once (the service is down), BLACKHOLE accepts and
 * never answers (the service hangs). The platform is told to reach payments through it.
 */
final class FaultyLink implements AutoCloseable {

    enum Mode {
        FORWARD, REFUSE, BLACKHOLE,
        /** the request gets through, the answer comes 3 s late (the caller has given up by then) */
        SLOW_ANSWER
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    FaultyLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void set(Mode mode) {
        this.mode = mode;
        if (mode != Mode.FORWARD) {
            // kept-alive connections of the HTTP client must fail too, not only new ones
            open.forEach(FaultyLink::closeQuietly);
            open.clear();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                switch (mode) {
                    case REFUSE -> closeQuietly(client);
                    case BLACKHOLE -> open.add(client);
                    case FORWARD -> forward(client, 0);
                    case SLOW_ANSWER -> forward(client, 3000);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client, long answerDelayMillis) {
        try {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(server);
            pump(client, server, 0);
            pump(server, client, answerDelayMillis);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, long delayMillis) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    if (delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "faulty-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(FaultyLink::closeQuietly);
    }
}
