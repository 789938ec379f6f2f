package org.mercato.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 by hand from a chosen local address (e.g. 127.0.0.2), so a test can be a client the platform does not
 * trust as a proxy: the JDK client cannot pick its source address.
 */
final class RawHttp {

    record Reply(int status, List<String> headers, String body) {
        List<String> all(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).toList();
        }

        String header(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private RawHttp() {
    }

    /** Sends one request from {@code localAddress} to the platform; extra headers as "Name: value" lines. */
    static Reply send(String localAddress, int port, String method, String path, String body,
            String... headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
            if (body != null) {
                request.append("Content-Type: application/json\r\n");
            }
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        return new Reply(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
