package org.mercato.platform.json;

/**
 * What text Mercato accepts in any request field, query parameter or header: no NUL or other control characters
 * (PostgreSQL refuses NUL, and control characters are never part of a name, an address or a search), no unpaired
 * UTF-16 surrogates (not Unicode text, refused by the database's UTF-8 encoding). Multi-line fields may also hold
 * line feed, carriage return and tab.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * @param multiLine whether line feed, carriage return and tab are allowed
     * @return why the text is refused, or null when it is acceptable
     */
    public static String refusal(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text (an unpaired surrogate at position " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text (an unpaired surrogate at position " + i + ")";
            }
            if (isControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at position "
                        + i + ")";
            }
        }
        return null;
    }

    /**
     * A name taken from the request (a property or parameter name), made safe to echo in a problem: markup,
     * control characters, bidirectional controls and other invisible format characters become {@code ?}, and it is
     * cut at 100 characters.
     */
    public static String printable(String name) {
        String cleaned = neutral(name.replaceAll("[<>&\"']", "?"));
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }

    /**
     * Text made safe to show in a message: control characters (C0, DEL, C1), bidirectional controls (U+202A to
     * U+202E, U+2066 to U+2069, which can make a message read backwards) and every other format character
     * ({@link Character#FORMAT}: zero-width spaces and joiners, U+FEFF...) become {@code ?}; an unpaired surrogate
     * too. Markup is left to the JSON writer.
     */
    public static String neutral(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i
                    + 1))) {
                int codePoint = text.codePointAt(i);
                if (Character.getType(codePoint) == Character.FORMAT) {
                    out = copy(out, text, i).append('?');
                } else if (out != null) {
                    out.appendCodePoint(codePoint);
                }
                i++;
                continue;
            }
            boolean replace = isControl(c) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
                    || isBidiControl(c);
            if (replace) {
                out = copy(out, text, i).append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static StringBuilder copy(StringBuilder out, String text, int upTo) {
        return out != null ? out : new StringBuilder(text.length()).append(text, 0, upTo);
    }

    /** The explicit bidirectional formatting characters (embeddings, overrides, isolates). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** C0 controls, DEL and C1 controls. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * JSON text with every {@code <}, {@code >} and {@code &} written as its JSON escape ({@code \\u003c}, ...):
     * the same characters to a JSON reader, but no markup for anything that reads the text otherwise. Only for JSON
     * text, where those characters occur inside strings.
     */
    public static String withoutMarkup(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
