package org.mercato.messaging;

/**
 * A message that can never be applied, whatever the retries: unreadable, of an unknown schema version, or asking
 * for something impossible. It is parked on the dead-letter queue at once, with this message as the reason.
 */
public class RejectedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedMessageException(String reason) {
        super(reason);
    }

    public RejectedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
