package org.mercato.platform.json;

/**
 * The platform's one rule for characters that do not show: whitespace of any script (ASCII and Unicode spaces,
 * no-break and ideographic spaces, line and paragraph separators), control characters, format characters
 * (zero-width space U+200B, joiners, bidi controls, U+FEFF...) and the other default-ignorable code points that
 * render as nothing (Hangul fillers, variation selectors, U+034F). Such characters make look-alikes of emails and
 * "blank" names that look empty, so emails refuse them anywhere and required names need at least one other
 * character.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** Whether the code point does not show (see the class comment). */
    public static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
            return true;
        }
        return codePoint == 0x034F // combining grapheme joiner
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 // Hangul fillers
                || codePoint == 0x17B4 || codePoint == 0x17B5 // Khmer inherent vowels
                || codePoint >= 0x180B && codePoint <= 0x180F // Mongolian variation selectors
                || codePoint >= 0xFE00 && codePoint <= 0xFE0F // variation selectors
                || codePoint >= 0xE0100 && codePoint <= 0xE01EF; // variation selectors supplement
    }

    /**
     * The text without the whitespace of any script around it: like {@link String#strip()}, and also no-break
     * spaces (U+00A0, U+2007, U+202F), which {@code strip()} keeps.
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Whether the text is null, empty or made only of characters that do not show. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(VisibleText::isInvisible);
    }

    /**
     * The first character of the text that does not show, as {@code U+XXXX at position N} (N counted in UTF-16
     * units from 0), or null when every character shows.
     */
    public static String firstInvisible(String text) {
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            if (isInvisible(codePoint)) {
                return String.format("U+%04X at position %d", codePoint, i);
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }
}
