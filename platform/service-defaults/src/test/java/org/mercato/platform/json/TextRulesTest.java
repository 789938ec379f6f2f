package org.mercato.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void controlCharactersAndBrokenSurrogatesAreRefused() {
        for (String bad : new String[]{"a\u0000", "\u0007", "a\u007f", "\u0085", "\ud800", "x\udc00y", "\u001b[0m"}) {
            assertNotNull(TextRules.refusal(bad, true), bad);
        }
        assertNotNull(TextRules.refusal("two\nlines", false));
        assertNotNull(TextRules.refusal("tab\there", false));
    }

    @Test
    void textInAnyScriptIsAccepted() {
        for (String good : new String[]{"", "Zoë Ørsted", "東京", "\ud83d\ude00", "O'Brien <b>", "\u200b"}) {
            assertNull(TextRules.refusal(good, false), good);
        }
        assertNull(TextRules.refusal("two\r\nlines\tand a tab", true));
    }

    @Test
    void printableNeutralisesMarkupControlsBidiAndFormatCharacters() {
        assertEquals("?img src=x?", TextRules.printable("<img src=x>"));
        assertEquals("abc?fdp.exe", TextRules.printable("abc\u202efdp.exe"));
        for (char c : new char[]{'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068',
                '\u2069', '\u200b', '\u200e', '\u200f', '\ufeff', '\u00ad', '\u0000', '\u0085'}) {
            assertEquals("a?b", TextRules.printable("a" + c + "b"), Integer.toHexString(c));
        }
        // format characters beyond the BMP (a language tag) too; other scripts and emoji stay
        assertEquals("x?", TextRules.neutral("x\udb40\udc01"));
        assertEquals("Zo\u00eb \u6771\u4eac \ud83d\ude00", TextRules.printable("Zo\u00eb \u6771\u4eac \ud83d\ude00"));
        assertEquals("x".repeat(100) + "...", TextRules.printable("x".repeat(150)));
    }
}
