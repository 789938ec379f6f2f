package org.mercato.platform.json;

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
}
