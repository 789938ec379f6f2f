package org.mercato.catalog.domain;

import org.mercato.platform.json.TextRules;

/** The catalog's rules for names staff type: what counts as blank, and how a name is shown in a refusal. */
public final class Names {

    private static final int SHOWN_LENGTH = 60;

    private Names() {
    }

    /**
     * @return whether the text is null or holds only white space and invisible format characters (a zero-width
     *         space, a no-break space, a bidirectional mark): such a name shows as nothing
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT);
    }

    /**
     * A name from a request made safe to quote in a message: markup, control and format characters (bidirectional
     * overrides) become {@code ?}, and it is cut at 60 characters.
     */
    public static String shown(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder();
        TextRules.printable(text).codePoints().limit(SHOWN_LENGTH)
                .forEach(c -> safe.appendCodePoint(invisible(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > SHOWN_LENGTH ? safe + "..." : safe.toString();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED;
    }
}
