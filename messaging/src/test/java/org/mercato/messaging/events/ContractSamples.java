package org.mercato.messaging.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid body of every contract, as its producer would write it. */
final class ContractSamples {

    static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");
    static final MonetaryAmount EUR_10 = new MonetaryAmount(1_000L, "EUR");
    static final OrderCustomer CUSTOMER = new OrderCustomer("u-1", "ada@example.com", "Ada Lovelace");
    static final PostalAddress ADDRESS = new PostalAddress("Ada Lovelace", "1 Analytical Row", null, "London",
            "N1 1AA", "GB");

    private ContractSamples() {
    }

    static Record of(EventContract<?> contract) {
        return switch (contract.eventType()) {
            case ProductChanged.TYPE -> new ProductChanged("p-1", 3L, "lamp", "Lamp", "ACTIVE", "Lumen", "home",
                    null, AT, List.of(new ProductChanged.Variant("MC-1", EUR_10, Map.of("colour", "black"))));
            case StockAvailabilityChanged.TYPE -> new StockAvailabilityChanged("MC-1", true, 7L);
            case StockLow.TYPE -> new StockLow("MC-1", 3L, 5L);
            case StockAdjusted.TYPE -> new StockAdjusted("MC-1", 24L, "MAIN", "delivery 4711", "erp");
            case OrderPlaced.TYPE -> new OrderPlaced("o-1", "c-1", CUSTOMER, List.of(new OrderPlaced.Line("MC-1",
                    "Lamp", 2, EUR_10, new MonetaryAmount(2_000L, "EUR"))), new OrderPlaced.Totals(
                            new MonetaryAmount(2_000L, "EUR"), new MonetaryAmount(0L, "EUR"), new MonetaryAmount(
                                    333L, "EUR"),
                            new MonetaryAmount(2_000L, "EUR"), true),
                    ADDRESS, "pay-1", AT);
            case OrderCancelled.TYPE -> new OrderCancelled("o-1", "customer asked", "staff@example.com", true,
                    CUSTOMER, List.of(new OrderCancelled.Line("MC-1", 2)), new MonetaryAmount(2_000L, "EUR"), AT);
            case PaymentRefunded.TYPE -> new PaymentRefunded("pay-1", "o-1", "r-1", EUR_10, 1_000L,
                    "PARTIALLY_REFUNDED", "scratched");
            case ShipmentCreated.TYPE -> new ShipmentCreated("s-1", "o-1", AT);
            case ShipmentDispatched.TYPE -> new ShipmentDispatched("s-1", "o-1", "Mercato Post", "MP1234567890", AT,
                    new ShipmentDispatched.Recipient("ada@example.com", "Ada Lovelace"), ADDRESS, List.of(
                            new ShipmentDispatched.Line("MC-1", "Lamp", 2)));
            default -> throw new IllegalArgumentException("no sample of " + contract.eventType());
        };
    }
}
