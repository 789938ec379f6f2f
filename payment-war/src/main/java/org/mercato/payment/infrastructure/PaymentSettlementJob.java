package org.mercato.payment.infrastructure;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.payment.application.PaymentService;

/**
 * Every 15 s: payments and refunds left in progress for {@code mercato.payments.settle-after-seconds} (30, far
 * beyond any provider timeout) by a crash or an unanswered provider are settled (see
 * {@link PaymentService#settleStalled}). Runs without a transaction: it asks the provider.
 */
@Singleton
@Startup
// on the class, not the timeout method: Payara ran the (package-private) timeout method in a container transaction
// despite a method-level NOT_SUPPORTED, and the service's TxType.NEVER refused every round
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentSettlementJob {

    private static final Logger LOG = Logger.getLogger(PaymentSettlementJob.class.getName());

    @Inject
    PaymentService payments;

    @Inject
    @ConfigProperty(name = "mercato.payments.settle-after-seconds", defaultValue = "30")
    long settleAfterSeconds;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    public void settle() {
        try {
            int settled = payments.settleStalled(Duration.ofSeconds(settleAfterSeconds), 50);
            if (settled > 0) {
                LOG.info(() -> "Settled " + settled + " stalled payment(s) or refund(s)");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Payment settlement failed; next try in 15 s: " + e);
        }
    }
}
