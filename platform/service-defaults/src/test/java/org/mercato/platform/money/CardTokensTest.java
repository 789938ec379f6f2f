package org.mercato.platform.money;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"tok_visa", "tok_chargeDeclined", "pm_card_visa", "tok_1N3T00LkdIwHu7ix", "a",
            "tok-1234567"})
    void providerTokensPass(String token) {
        assertNull(CardTokens.refusal(token));
        assertTrue(token.matches(CardTokens.SHAPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok.visa", "tok visa", "tok/visa", "tök_visa", "tok_visa\n", ""})
    void anythingElseIsRefusedWithAReason(String token) {
        assertNotNull(CardTokens.refusal(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4242-4242-4242-4242", "4242 4242 4242 4242", "12345678"})
    void cardNumbersAreRefusedAsSuch(String token) {
        assertTrue(CardTokens.refusal(token).contains("never a card number"), CardTokens.refusal(token));
    }

    @org.junit.jupiter.api.Test
    void nullAndTooLongAreRefused() {
        assertNotNull(CardTokens.refusal(null));
        assertNull(CardTokens.refusal("t".repeat(200)));
        assertNotNull(CardTokens.refusal("t".repeat(201)));
    }
}
