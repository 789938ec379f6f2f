package org.mercato.inventory.interfaces;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mercato.platform.json.MultiLine;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** JSON bodies of the inventory API. Classes with public fields (Payara's OpenAPI reader needs them). */
public final class StockRequests {

    private StockRequests() {
    }

    /** Exactly one of {@code onHand} (a stocktake) and {@code adjustBy} (units in or out). */
    public static final class StockChange {
        @Size(max = 20)
        public String warehouse;

        @Schema(description = "units counted in the warehouse (a stocktake); or adjustBy")
        public Integer onHand;

        @Schema(description = "units in (positive) or out (negative); or onHand")
        public Integer adjustBy;

        @Size(max = 300)
        @MultiLine
        public String reason;
    }

    public static final class Line {
        @NotNull
        public String sku;

        @NotNull
        public Integer quantity;
    }

    public static final class ReservationRequest {
        @NotNull
        public String orderId;

        @NotEmpty
        @Valid
        public List<Line> lines;

        /** How long the units are held; 15 minutes when absent. */
        public Integer holdSeconds;
    }
}
