package org.mercato.user.domain;

/**
 * What staff look accounts up by: every filter is optional and they combine (AND).
 *
 * @param text part of the email or the name, any letter case ({@code ""}: every account)
 * @param role only accounts that have this role (null: any); admins have the staff role too
 * @param locked only locked (true) or unlocked (false) accounts (null: both)
 * @param sortBy the order
 * @param descending z to a, newest first
 */
public record AccountSearch(String text, Role role, Boolean locked, SortKey sortBy, boolean descending) {

    /** What accounts are sorted by; ties are broken by id, so pages never overlap. */
    public enum SortKey {
        /** The email ignoring letter case. */
        EMAIL,
        /** The name ignoring letter case. */
        NAME,
        /** When the account was created. */
        CREATED
    }

    public AccountSearch {
        text = text == null ? "" : text;
        if (sortBy == null) {
            sortBy = SortKey.CREATED;
        }
    }

    /** Every account matching the text, newest first. */
    public static AccountSearch text(String text) {
        return new AccountSearch(text, null, null, SortKey.CREATED, true);
    }
}
