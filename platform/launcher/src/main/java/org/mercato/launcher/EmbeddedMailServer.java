package org.mercato.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail catcher of embedded mode: a real SMTP server (GreenMail) on loopback that accepts every message the
 * shop sends and keeps it, so a person can read the emails without a mail account: each one is saved as an
 * {@code .eml} file under {@code <data>/mail/} (open it with any mail program) and announced on the console.
 */
final class EmbeddedMailServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMailServer.class.getName());

    private final GreenMail server;
    private final int port;
    private final Path folder;
    private final ScheduledExecutorService saver;
    /**
     * The Message-IDs saved so far: GreenMail lists received messages mailbox by mailbox, so a message's position
     * in that list moves as new recipients appear and cannot tell what was saved.
     */
    private final Set<String> saved = new HashSet<>();

    private EmbeddedMailServer(GreenMail server, int port, Path folder) {
        this.server = server;
        this.port = port;
        this.folder = folder;
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mercato-mail-catcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    static EmbeddedMailServer start(Path folder, int port) throws IOException {
        Files.createDirectories(folder);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        EmbeddedMailServer mail = new EmbeddedMailServer(server, port, folder);
        mail.saver.scheduleWithFixedDelay(mail::saveNew, 500, 500, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Mail catcher (SMTP) listening on 127.0.0.1:" + port + "; emails are saved in " + folder);
        return mail;
    }

    int port() {
        return port;
    }

    Path folder() {
        return folder;
    }

    /** Every message received so far (tests read them). */
    MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    private synchronized void saveNew() {
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (!saved.add(id != null ? id : "no-id@" + System.identityHashCode(message))) {
                    continue;
                }
                String to = String.join(",", java.util.Arrays.stream(message.getAllRecipients()).map(
                        Object::toString).toList());
                Path file = folder.resolve(String.format("%05d-%s.eml", saved.size(), to.replaceAll(
                        "[^A-Za-z0-9@.-]", "_")));
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                LOG.info(() -> "Mail to " + to + ": \"" + subject(message) + "\" saved as " + file.getFileName());
            } catch (IOException | MessagingException | RuntimeException e) {
                LOG.warning(() -> "Could not save a caught email: " + e.getMessage());
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveNew();
        server.stop();
    }
}
