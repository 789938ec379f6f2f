package org.mercato.inventory.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.mercato.inventory.application.InventoryService;

/**
 * Gives back holds whose order never completed, every 10 seconds, in batches (each instance takes rows the others
 * have not locked).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReservationExpiryJob {

    private static final Logger LOG = Logger.getLogger(ReservationExpiryJob.class.getName());

    @Inject
    InventoryService inventory;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void releaseExpired() {
        try {
            int released;
            do {
                released = inventory.releaseExpired(100);
                int batch = released;
                if (batch > 0) {
                    LOG.info(() -> "Released " + batch + " expired reservation(s)");
                }
            } while (released == 100);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing expired reservations failed; next try in 10 s", e);
        }
    }
}
