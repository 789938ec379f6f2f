package org.mercato.notification.infrastructure;

import java.util.Date;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.microprofile.config.Config;
import org.mercato.notification.application.MailSender;
import org.mercato.notification.domain.Email;

/**
 * Sends over SMTP with Jakarta Mail (Payara ships the implementation), on a session built here from
 * {@link MailSettings} rather than a server-configured mail resource, so the environment alone decides where mail
 * goes. Each email is multipart/alternative (text, then HTML, both UTF-8); its Message-ID comes from the email's
 * id, so a resend carries the same one.
 */
@ApplicationScoped
public class SmtpMailSender implements MailSender {

    public static final String ORDER_HEADER = "X-Mercato-Order";
    public static final String EVENT_HEADER = "X-Mercato-Event";
    private static final Logger LOG = Logger.getLogger(SmtpMailSender.class.getName());

    @Inject
    Config config;

    private MailSettings settings;
    private Session session;
    private InternetAddress from;
    private String fromProblem;

    protected SmtpMailSender() {
        // for CDI
    }

    public SmtpMailSender(MailSettings settings) {
        configure(settings);
    }

    @PostConstruct
    void start() {
        configure(MailSettings.from(config));
        LOG.info(() -> "Emails go to the SMTP server at " + settings);
    }

    private void configure(MailSettings mailSettings) {
        this.settings = mailSettings;
        this.session = Session.getInstance(mailSettings.sessionProperties());
        try {
            this.from = new InternetAddress(mailSettings.from(), true);
        } catch (AddressException e) {
            // a setting to fix, not a reason to give emails up: they wait as if the server were down
            this.fromProblem = "mercato.mail.from is not an email address: " + e.getMessage();
            LOG.severe(fromProblem);
        }
    }

    @Override
    public void send(Email email) throws Failure {
        if (from == null) {
            throw new Failure(fromProblem, true, null);
        }
        MimeMessage message;
        try {
            message = message(email);
        } catch (MessagingException e) {
            throw new Failure("cannot write the message: " + e, false, e);
        }
        try {
            if (settings.authenticates()) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (SendFailedException refused) {
            // the server answered, and refused this message or its recipient
            throw new Failure(refused.toString(), false, refused);
        } catch (MessagingException unreachable) {
            // could not connect, log in, or finish talking to the server: nothing to do with this email
            throw new Failure(unreachable.toString(), true, unreachable);
        }
    }

    MimeMessage message(Email email) throws MessagingException {
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + email.id() + "@" + domain + ">");
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.recipient(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader(ORDER_HEADER, email.orderId());
        message.setHeader(EVENT_HEADER, email.eventId().toString());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        // the last part is the richest: clients that render HTML show it, the others the text
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }
}
