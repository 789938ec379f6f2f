package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void addsSameSiteWhenMissingAndSecureOnlyOverTls() {
        assertEquals("JSESSIONID=abc; Path=/admin; HttpOnly; SameSite=Strict",
                SecurityHeaders.harden("JSESSIONID=abc; Path=/admin; HttpOnly", false, "Strict"));
        assertEquals("JSESSIONID=abc; Path=/admin; HttpOnly; Secure; SameSite=Strict",
                SecurityHeaders.harden("JSESSIONID=abc; Path=/admin; HttpOnly", true, "Strict"));
    }

    @Test
    void keepsWhatIsAlreadyThere() {
        assertEquals("a=b; Secure; SameSite=Lax", SecurityHeaders.harden("a=b; Secure; SameSite=Lax", true, "Strict"));
        assertEquals("a=b; SameSite=Strict; secure", SecurityHeaders.harden("a=b; SameSite=Strict; secure", true,
                "Strict"));
        // a cookie whose value merely contains the word is still made Secure
        assertEquals("secure=1; SameSite=Strict; Secure", SecurityHeaders.harden("secure=1; SameSite=Strict", true,
                "Strict"));
    }
}
