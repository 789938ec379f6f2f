package org.mercato.notification.domain;

/** Which of the shop's emails this is; each answers one event. */
public enum EmailKind {
    /** OrderPlaced: the order is paid and saved. */
    ORDER_CONFIRMATION,
    /** OrderCancelled: staff cancelled it before it shipped. */
    ORDER_CANCELLED,
    /** ShipmentDispatched: the parcel is with the carrier. */
    SHIPMENT_DISPATCHED
}
