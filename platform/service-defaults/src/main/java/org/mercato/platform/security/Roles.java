package org.mercato.platform.security;

/** The roles every service understands; they travel in the JWT's {@code groups} claim. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";
    /** Another Mercato service acting on its own behalf (the order service reserving stock, charging). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
