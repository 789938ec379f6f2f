package org.mercato.examples.erpbridge;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/**
 * The "ERP" of this example: a JSON-lines file with one {@link LedgerEntry} per line, appended and forced to disk
 * before the bridge acknowledges the message. Mercato delivers at least once, so each event id is booked once: the
 * ids already in the file are read at start and a redelivered event is recognised and skipped. A real ERP would keep
 * the ids in its own database, in the transaction that books the order.
 */
final class Ledger implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final Set<String> bookedEventIds;

    private Ledger(Path file, FileChannel channel, Set<String> bookedEventIds) {
        this.file = file;
        this.channel = channel;
        this.bookedEventIds = bookedEventIds;
    }

    /**
     * Opens the ledger file, creating it (and its folder) when absent. A line that is not JSON with an
     * {@code eventId} (the end of a write cut short by a crash) is skipped with a warning; the next entry starts on a
     * line of its own.
     *
     * @throws IOException
     *             when the file cannot be read or written
     */
    static Ledger open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Set<String> ids = new HashSet<>();
        if (Files.exists(absolute)) {
            List<String> lines = Files.readAllLines(absolute, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String eventId = eventIdOf(lines.get(i));
                if (eventId != null) {
                    ids.add(eventId);
                } else if (!lines.get(i).isBlank()) {
                    int lineNumber = i + 1;
                    LOG.warning(() -> "Ledger " + absolute + ", line " + lineNumber + " is not an entry; skipped");
                }
            }
        }
        FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Ledger ledger = new Ledger(absolute, channel, ids);
        if (channel.size() > 0 && !endsWithNewline(absolute, channel.size())) {
            ledger.append("\n");
        }
        return ledger;
    }

    /**
     * Books an entry unless its event id is booked already.
     *
     * @return {@code true} when it was appended, {@code false} when the event was booked before (a redelivery)
     * @throws IOException
     *             when the line could not be written to disk; nothing is remembered as booked then
     */
    synchronized boolean record(LedgerEntry entry) throws IOException {
        if (bookedEventIds.contains(entry.eventId())) {
            return false;
        }
        append(entry.toJson().toString() + "\n");
        bookedEventIds.add(entry.eventId());
        return true;
    }

    /** Whether an event id is booked. */
    synchronized boolean contains(String eventId) {
        return bookedEventIds.contains(eventId);
    }

    /** The number of entries booked. */
    synchronized int size() {
        return bookedEventIds.size();
    }

    /** The ledger file's absolute path. */
    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private void append(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    private static boolean endsWithNewline(Path file, long size) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private static String eventIdOf(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonObject entry = Json.createReader(new StringReader(line)).readObject();
            return entry.containsKey("eventId") ? entry.getString("eventId", null) : null;
        } catch (JsonException | ClassCastException e) {
            return null;
        }
    }
}
