package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final TrustedProxies GATEWAY = TrustedProxies.parse("10.0.0.5, 192.168.1.0/24, ::1");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "203.0.113.9", TrustedProxies.none()));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "203.0.113.9", TrustedProxies.parse("")));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "203.0.113.9", TrustedProxies.parse("none")));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertEquals("198.51.100.7", ClientAddress.resolve("198.51.100.7", "203.0.113.9", GATEWAY));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.5", "203.0.113.9", GATEWAY));
        assertEquals("203.0.113.9", ClientAddress.resolve("::1", " 203.0.113.9 ", GATEWAY));
    }

    @Test
    void entriesLeftOfTheFirstUntrustedAddressAreNotBelieved() {
        // the client wrote "1.1.1.1" itself; the gateway appended the address it saw
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.5", "1.1.1.1, 203.0.113.9", GATEWAY));
        // a chain of trusted proxies is walked from the right
        assertEquals("203.0.113.9",
                ClientAddress.resolve("10.0.0.5", "1.1.1.1, 203.0.113.9, 192.168.1.20", GATEWAY));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertEquals("192.168.1.20", ClientAddress.resolve("10.0.0.5", "192.168.1.20", GATEWAY));
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "evil.example.com", GATEWAY));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.5", "<script>, 203.0.113.9", GATEWAY));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "  ", GATEWAY));
    }

    @Test
    void portsAddedByProxiesAreDropped() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.5", "203.0.113.9:51234", GATEWAY));
        assertEquals("2001:db8::7", ClientAddress.resolve("10.0.0.5", "[2001:db8::7]:443", GATEWAY));
        assertEquals("2001:db8::7", ClientAddress.resolve("10.0.0.5", "2001:db8::7", GATEWAY));
    }

    @Test
    void rangesMatchByPrefix() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8,2001:db8::/32");
        assertTrue(proxies.trusts("10.200.3.4"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertTrue(proxies.trusts("2001:db8:1::1"));
        assertFalse(proxies.trusts("2001:db9::1"));
        assertTrue(proxies.trusts("::ffff:10.1.2.3"), "IPv4-mapped IPv6 is compared as IPv4");
        assertFalse(proxies.trusts("localhost"), "host names are never looked up");
        assertFalse(proxies.trusts(null));
    }

    @Test
    void badSettingsAreRefusedWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("gateway.internal"));
        assertTrue(e.getMessage().contains(TrustedProxies.SETTING), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("300.1.1.1"));
    }
}
