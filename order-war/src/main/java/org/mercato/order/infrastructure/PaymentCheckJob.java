package org.mercato.order.infrastructure;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.order.application.OrderManagement;

/**
 * Every 10 s: orders whose charge was not answered in time, or that never finished placing (a crash mid-way), get
 * their stock released and any late charge refunded once they are {@code mercato.orders.payment-check-after-seconds}
 * old (60: payments' own provider timeout is 5 s), so a failed order never keeps the shopper's money.
 */
@Singleton
@Startup
// on the class, not the timeout method: Payara ran the (package-private) timeout method in a container transaction
// despite a method-level NOT_SUPPORTED, and the service's TxType.NEVER refused every round
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentCheckJob {

    private static final Logger LOG = Logger.getLogger(PaymentCheckJob.class.getName());

    @Inject
    OrderManagement orders;

    @Inject
    @ConfigProperty(name = "mercato.orders.payment-check-after-seconds", defaultValue = "60")
    long checkAfterSeconds;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    public void settle() {
        try {
            int settled = orders.settleUnansweredPayments(Duration.ofSeconds(checkAfterSeconds), 50);
            if (settled > 0) {
                LOG.info(() -> "Settled " + settled + " order(s) whose payment had not been answered");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Payment check failed; next try in 10 s: " + e);
        }
    }
}
