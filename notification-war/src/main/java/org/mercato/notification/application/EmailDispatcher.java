package org.mercato.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mercato.notification.domain.Email;
import org.mercato.notification.domain.EmailRepository;
import org.mercato.notification.domain.EmailStatus;

/**
 * Sends the emails that are due, one batch per transaction. The batch is claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several instances dispatch side by side without two of them sending one email; an email is marked
 * sent in the transaction that sent it. If that commit fails after the server took the email, it is sent again
 * later (the one case of a double email; the same Message-ID lets mail clients fold it).
 * <p>
 * When the server cannot be reached, the rest of the batch is not tried (no point, and each try could wait for a
 * timeout): every claimed email waits its back-off.
 */
@ApplicationScoped
public class EmailDispatcher {

    public static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class.getName());

    /**
     * What one pass did.
     *
     * @param serverProblem why the SMTP server could not be used, or null if it could
     */
    public record Pass(int claimed, int sent, String serverProblem) {
    }

    @Inject
    EmailRepository emails;

    @Inject
    MailSender sender;

    @Inject
    Clock clock;

    protected EmailDispatcher() {
        // for CDI
    }

    public EmailDispatcher(EmailRepository emails, MailSender sender, Clock clock) {
        this.emails = emails;
        this.sender = sender;
        this.clock = clock;
    }

    @Transactional
    public Pass dispatchDue() {
        Instant now = clock.instant();
        List<Email> due = emails.claimDue(now, BATCH);
        int sent = 0;
        String serverProblem = null;
        for (Email email : due) {
            if (serverProblem != null) {
                email.notSent(serverProblem, true, now);
                continue;
            }
            try {
                sender.send(email);
            } catch (MailSender.Failure failure) {
                email.notSent(failure.getMessage(), failure.serverUnreachable(), now);
                if (failure.serverUnreachable()) {
                    serverProblem = failure.getMessage();
                } else {
                    refused(email);
                }
                continue;
            }
            email.sent(clock.instant());
            sent++;
            LOG.info(() -> "Sent " + email.kind() + " for order " + email.orderId() + " to a recipient at "
                    + email.recipientDomain() + " (email " + email.id() + ")");
        }
        return new Pass(due.size(), sent, serverProblem);
    }

    private static void refused(Email email) {
        if (email.status() == EmailStatus.FAILED) {
            LOG.warning(() -> "Gave up " + email.kind() + " for order " + email.orderId() + " to a recipient at "
                    + email.recipientDomain() + " after " + email.attempts() + " refusals by the SMTP server (email "
                    + email.id() + "): " + email.lastError());
        } else {
            LOG.info(() -> "The SMTP server refused " + email.kind() + " for order " + email.orderId()
                    + " (email " + email.id() + ", attempt " + email.attempts() + "), next try at "
                    + email.nextAttemptAt() + ": " + email.lastError());
        }
    }
}
