package org.mercato.user.domain;

import java.util.Locale;

/** What an account may do; the lower-case name is the JWT group every service checks. */
public enum Role {
    CUSTOMER, STAFF, ADMIN;

    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromGroup(String group) {
        return Role.valueOf(group.trim().toUpperCase(Locale.ROOT));
    }
}
