package org.mercato.platform.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The reverse proxies (gateway, load balancer) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers
 * are believed: setting {@code mercato.http.trusted-proxies} (env {@code MERCATO_HTTP_TRUSTED_PROXIES}), a comma
 * separated list of IP addresses or CIDR ranges such as {@code 10.0.0.0/8, ::1}. Default: none, so the headers are
 * ignored and the TCP peer is the client.
 */
public final class TrustedProxies {

    /** Name of the setting. */
    public static final String SETTING = "mercato.http.trusted-proxies";

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private record Range(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefixBits;
            BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(shift).shiftLeft(shift);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** No proxy is trusted. */
    public static TrustedProxies none() {
        return NONE;
    }

    /** From the service's MicroProfile Config. */
    public static TrustedProxies fromConfig() {
        Config config = ConfigProvider.getConfig();
        Optional<String> value = config.getOptionalValue(SETTING, String.class);
        return value.map(TrustedProxies::parse).orElse(NONE);
    }

    /**
     * @param list comma separated addresses or CIDR ranges; blank or {@code none} trusts nobody
     * @throws IllegalArgumentException on an entry that is not an IP address or range (host names are refused: no
     *             DNS look-ups on the request path)
     */
    public static TrustedProxies parse(String list) {
        return parse(list, SETTING);
    }

    /**
     * The same form for another setting (e.g. addresses exempt from rate limits), named in error messages.
     *
     * @param setting the setting's name
     */
    public static TrustedProxies parse(String list, String setting) {
        if (list == null || list.isBlank() || list.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("/", 2);
            byte[] network = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException(
                            setting + ": not an IP address or CIDR range: " + trimmed));
            int bits = network.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException(setting + ": bad prefix length in " + trimmed);
                }
            }
            ranges.add(new Range(network, bits));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** Whether this address (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = literal(address.trim());
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** Whether any proxy is trusted at all. */
    public boolean any() {
        return !ranges.isEmpty();
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else, without a DNS look-up. */
    static Optional<byte[]> literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+(%[\\w.]+)?");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        if (ipv4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(s).getAddress();
            // an IPv4-mapped IPv6 address is compared as IPv4, so "::ffff:10.0.0.1" matches "10.0.0.0/8"
            return Optional.of(bytes);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
