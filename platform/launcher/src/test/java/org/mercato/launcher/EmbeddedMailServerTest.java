package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail catcher over real SMTP: every email saved once, whatever order its recipients' mailboxes list in. */
class EmbeddedMailServerTest {

    @Test
    void everyEmailIsSavedExactlyOnce(@TempDir Path folder) throws Exception {
        int port = Ports.free();
        try (EmbeddedMailServer mail = EmbeddedMailServer.start(folder, port)) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(port));
            Session session = Session.getInstance(properties);
            // recipients whose mailboxes sort differently from the order the emails arrive in
            for (String to : List.of("zed@example.com", "amy@example.com", "bob@example.com", "amy@example.com")) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("shop@mercato.local"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                message.setSubject("for " + to);
                message.setText("hello");
                Transport.send(message);
                Thread.sleep(700);
            }
            Thread.sleep(1500);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(path -> path.getFileName().toString()).sorted().toList();
            assertEquals(List.of("00001-zed@example.com.eml", "00002-amy@example.com.eml",
                    "00003-bob@example.com.eml", "00004-amy@example.com.eml"), names);
        }
    }
}
