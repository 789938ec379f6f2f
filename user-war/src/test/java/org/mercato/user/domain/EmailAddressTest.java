package org.mercato.user.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one email rule: Unicode whitespace stripped around, nothing invisible anywhere inside, then the shape. */
class EmailAddressTest {

    /** Characters that make a look-alike of an address: none may be part of one. */
    static Stream<Character> invisible() {
        return Stream.of('\u00A0', // no-break space
                '\u2007', // figure space
                '\u202F', // narrow no-break space
                '\u200B', // zero-width space
                '\u200C', // zero-width non-joiner
                '\u200D', // zero-width joiner
                '\u2060', // word joiner
                '\uFEFF', // byte order mark / zero-width no-break space
                '\u00AD', // soft hyphen
                '\u3000', // ideographic space
                '\u2003', // em space
                '\u2028', // line separator
                '\u202E', // right-to-left override
                '\u200E', // left-to-right mark
                '\u2066', // left-to-right isolate
                '\u180E', // Mongolian vowel separator
                '\u3164', // Hangul filler
                '\uFE0F', // variation selector 16
                '\u034F', // combining grapheme joiner
                '\t', '\u0085', '\u007F', '\u0000');
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void refusesAnInvisibleCharacterInsideTheAddress(char c) {
        for (String address : List.of("ann" + c + "@shop.example", "a" + c + "nn@shop.example",
                "ann@shop" + c + ".example", "ann@shop.exam" + c + "ple")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new EmailAddress(address), address);
            assertTrue(refused.getMessage().startsWith("email "), refused.getMessage());
            assertTrue(refused.getMessage().contains(String.format("U+%04X", (int) c)), refused.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void refusesAnInvisibleCharacterAtTheEndUnlessItIsWhitespace(char c) {
        String address = "ann@shop.example" + c;
        if (Character.isWhitespace(c)) {
            assertEquals("ann@shop.example", new EmailAddress(address).value(), "stripped like a space");
        } else {
            assertThrows(IllegalArgumentException.class, () -> new EmailAddress(address),
                    String.format("U+%04X", (int) c));
        }
    }

    @ParameterizedTest
    @MethodSource("invisible")
    void refusesAnInvisibleCharacterAtTheStartUnlessItIsWhitespace(char c) {
        String address = c + "ann@shop.example";
        if (Character.isWhitespace(c)) {
            assertEquals("ann@shop.example", new EmailAddress(address).value(), "stripped like a space");
        } else {
            assertThrows(IllegalArgumentException.class, () -> new EmailAddress(address),
                    String.format("U+%04X", (int) c));
        }
    }

    @Test
    void noBreakSpaceAndZeroWidthSpaceAreNeverStripped() {
        // the tester's look-alikes: each registered as an account of its own
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("x@example.test\u00A0"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("\u200Bx@example.test"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("\uFEFFx@example.test"));
        assertTrue(EmailAddress.refusal("x@example.test\u00A0").contains("U+00A0 at position 14"),
                EmailAddress.refusal("x@example.test\u00A0"));
    }

    @Test
    void unicodeWhitespaceAroundTheAddressIsStripped() {
        EmailAddress address = new EmailAddress("\u3000 Ann@Shop.example\u2003\n");
        assertEquals("Ann@Shop.example", address.value(), "kept as typed, without the whitespace around it");
        assertEquals("ann@shop.example", address.normalized());
        assertEquals("x@example.test", new EmailAddress("x@example.test\u3000").value());
        assertNull(EmailAddress.refusal(" x@example.test\u3000"));
    }

    @Test
    void signInNormalizesTheSameWay() {
        assertEquals("ann@shop.example", EmailAddress.normalize("\u3000 Ann@SHOP.example\u2003"));
        assertEquals(new EmailAddress("\u2003ann@shop.example").normalized(),
                EmailAddress.normalize("ANN@shop.example\u3000"));
        // what the rule refuses is no account's unique form, so signing in with it finds nothing
        assertEquals("x@example.test\u00A0", EmailAddress.normalize("X@example.test\u00A0"));
        assertEquals("", EmailAddress.normalize(null));
    }

    @Test
    void composedAndDecomposedLettersAreOneAddress() {
        // u + combining diaeresis and the precomposed letter: two accounts before NFC
        EmailAddress decomposed = new EmailAddress("u\u0308ni@example.test");
        EmailAddress composed = new EmailAddress("\u00fcni@example.test");
        assertEquals(composed.value(), decomposed.value());
        assertEquals(composed.normalized(), decomposed.normalized());
        assertEquals(composed.normalized(), EmailAddress.normalize("U\u0308NI@example.test"));
    }

    @Test
    void theShapeAndLengthStillHold() {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(null));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("\u3000"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a".repeat(65) + "@shop.example"));
        assertThrows(IllegalArgumentException.class,
                () -> new EmailAddress("a@" + "b".repeat(250) + ".example"));
        assertEquals("müller@bücher.example", new EmailAddress("müller@bücher.example").value(),
                "letters of any script are fine");
    }

    @Test
    void anAddressThatNormalizationLengthensPastTheLimitIsRefusedBeforeItIsStored() {
        // 246 units as typed; U+0130 lower-cases to two units, so the stored (normalized) form would be 486
        String dotted = "a@" + "\u0130".repeat(240) + ".de";
        assertTrue(dotted.length() <= EmailAddress.MAX_LENGTH);
        assertTrue(EmailAddress.refusal(dotted).contains("once normalized"), EmailAddress.refusal(dotted));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(dotted));
        // U+FB2C (a Hebrew presentation form) composes to three units under NFC
        String composed = "a@" + "\uFB2C".repeat(100) + ".de";
        assertTrue(EmailAddress.refusal(composed) != null, "NFC lengthens it to 305 units");
        // the longest address that stays within the limit is still accepted
        String longest = "a@" + "b".repeat(249) + ".de";
        assertEquals(EmailAddress.MAX_LENGTH, longest.length());
        assertNull(EmailAddress.refusal(longest));
        assertNull(EmailAddress.refusal("a@" + "\u0130".repeat(10) + ".de"));
    }
}
