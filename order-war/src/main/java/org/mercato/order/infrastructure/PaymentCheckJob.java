package org.mercato.order.infrastructure;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.mercato.order.application.OrderManagement;

/**
 * Every 30 s: orders whose charge was not answered in time, or that never finished placing (a crash mid-way),
 * get their stock released and any late charge refunded, so a failed order never keeps the shopper's money.
 */
@Singleton
@Startup
public class PaymentCheckJob {

    private static final Logger LOG = Logger.getLogger(PaymentCheckJob.class.getName());

    @Inject
    OrderManagement orders;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void settle() {
        try {
            int settled = orders.settleUnansweredPayments(Duration.ofMinutes(1), 50);
            if (settled > 0) {
                LOG.info(() -> "Settled " + settled + " order(s) whose payment had not been answered");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Payment check failed; next try in 30 s: " + e);
        }
    }
}
