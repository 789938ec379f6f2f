package org.mercato.platform.money;

/**
 * The one rule for a payment provider's card token, shared by orders (which take it from the shopper) and payments
 * (which hand it to the provider), so that a token the order accepts is never refused by payments after the order is
 * saved and its stock held. Tokens are what Stripe's clients produce ({@code tok_visa}, {@code pm_card_visa},
 * {@code tok_1N3T00LkdIwHu7ix}): letters, digits, underscores and hyphens. A run of eight or more digits is refused:
 * the card number itself (PCI DSS) must never reach the shop or its logs.
 */
public final class CardTokens {

    /** The token's shape, for {@code @Pattern}: 1 to 200 letters, digits, underscores or hyphens. */
    public static final String SHAPE = "[A-Za-z0-9_-]{1,200}";

    private CardTokens() {
    }

    /** @return why {@code token} is refused (for a problem's detail), or null when it is a provider token */
    public static String refusal(String token) {
        if (token == null || token.isBlank()) {
            return "is required: the payment provider's card token (e.g. tok_visa)";
        }
        String digitsOnly = token.replaceAll("[\\s-]", "");
        if (digitsOnly.matches("[0-9]{8,}")) {
            return "must be a provider token, never a card number";
        }
        if (!token.matches(SHAPE)) {
            return "must be the payment provider's card token: 1 to 200 letters, digits, underscores or hyphens"
                    + " (e.g. tok_visa)";
        }
        return null;
    }
}
