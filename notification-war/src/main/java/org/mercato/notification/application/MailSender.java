package org.mercato.notification.application;

import org.mercato.notification.domain.Email;

/** Hands an email to the SMTP server (infrastructure: Jakarta Mail, settings from the environment). */
public interface MailSender {

    /** Returns once the server accepted the email; throws {@link Failure} if it did not. */
    void send(Email email) throws Failure;

    /** The server did not take the email. */
    final class Failure extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean serverUnreachable;

        /**
         * @param serverUnreachable true if no email could have gone through (server down, refused our login, wrong
         *            settings), false if the server refused this email (its recipient, its content)
         */
        public Failure(String message, boolean serverUnreachable, Throwable cause) {
            super(message, cause);
            this.serverUnreachable = serverUnreachable;
        }

        public boolean serverUnreachable() {
            return serverUnreachable;
        }
    }
}
