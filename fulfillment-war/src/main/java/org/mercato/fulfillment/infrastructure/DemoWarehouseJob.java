package org.mercato.fulfillment.infrastructure;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.fulfillment.application.FulfillmentService;

/**
 * Demo mode only ({@code mercato.fulfillment.auto-dispatch-seconds} > 0, env
 * {@code MERCATO_FULFILLMENT_AUTO_DISPATCH_SECONDS}): a pretend warehouse that picks, packs and dispatches every
 * shipment that has waited that long, so an order placed in the embedded shop ships without staff. Every two
 * seconds, in batches; each instance claims rows the others have not locked.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoWarehouseJob {

    static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(DemoWarehouseJob.class.getName());

    @Inject
    FulfillmentService fulfillment;

    @Inject
    @ConfigProperty(name = "mercato.fulfillment.auto-dispatch-seconds", defaultValue = "0")
    long autoDispatchSeconds;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void dispatchWaitingShipments() {
        if (autoDispatchSeconds <= 0) {
            return;
        }
        try {
            int dispatched;
            do {
                // one transaction per batch: a failure loses at most this batch's work, which the next run redoes
                dispatched = fulfillment.dispatchDue(Duration.ofSeconds(autoDispatchSeconds), BATCH).size();
            } while (dispatched == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The demo warehouse failed to dispatch; next try in 2 s", e);
        }
    }
}
