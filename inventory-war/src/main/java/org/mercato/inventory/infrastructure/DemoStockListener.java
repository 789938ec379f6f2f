package org.mercato.inventory.infrastructure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.inventory.application.InventoryService;
import org.mercato.messaging.ReceivedEvent;
import org.mercato.messaging.RejectedMessageException;
import org.mercato.messaging.Topics;
import org.mercato.messaging.events.ProductChanged;
import org.mercato.platform.persistence.DatabaseMigrations;

/**
 * Demo mode only ({@code mercato.inventory.demo-stock=true}, set by embedded mode): stocks the SKUs of the
 * generated demo catalog as their {@code ProductChanged} events arrive ({@code origin: demo}), with a
 * deterministic quantity per SKU, about one in ten out of stock, so the shop window has something to sell. Staff
 * products and SKUs stocked already are never touched.
 */
// the message is acknowledged outside any transaction; its effect commits in a short transaction of its own
// (docs/architecture.md, "Consumers and transactions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.CATALOG),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "inventory-demo-stock"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "inventory"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "eventType = '"
                + ProductChanged.TYPE + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class DemoStockListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DemoStockListener.class.getName());

    @Inject
    InventoryService inventory;

    @Inject
    @ConfigProperty(name = "mercato.inventory.demo-stock", defaultValue = "false")
    boolean demoStock;

    @Override
    public void onMessage(Message message) {
        if (!demoStock) {
            return;
        }
        DatabaseMigrations.awaitMigrated(Duration.ofSeconds(60));
        // one transaction for the product's SKUs (a large demo catalog is hundreds of thousands of them)
        demoStock(message).ifPresent(inventory::stockDemoSkus);
    }

    /**
     * The first stock of each SKU of a demo product, in the product's order; empty for a staff product or a
     * message that is no readable ProductChanged (not ours to judge the catalog's messages: noted and passed over).
     */
    static Optional<Map<String, Integer>> demoStock(Message message) {
        ProductChanged product;
        try {
            product = ReceivedEvent.read(message, ProductChanged.CONTRACT.schemaVersion()).body(
                    ProductChanged.CONTRACT);
        } catch (RejectedMessageException e) {
            LOG.warning(() -> "Ignoring an unreadable ProductChanged message for demo stock: " + e.getMessage());
            return Optional.empty();
        }
        if (!ProductChanged.DEMO.equals(product.origin())) {
            return Optional.empty();
        }
        Map<String, Integer> onHand = new LinkedHashMap<>();
        for (ProductChanged.Variant variant : product.variants()) {
            onHand.put(variant.sku(), demoQuantity(variant.sku()));
        }
        return Optional.of(onHand);
    }

    /** 0 for about one SKU in ten, else 1 to 60, always the same for the same SKU. */
    static int demoQuantity(String sku) {
        int hash = Math.floorMod(sku.hashCode() * 31 + 17, 1000);
        return hash < 100 ? 0 : 1 + hash % 60;
    }
}
