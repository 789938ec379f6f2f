package org.mercato.platform.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.platform.web.ClientAddress;
import org.mercato.platform.web.TrustedProxies;

/**
 * The service's rate limits as MicroProfile Config settings: {@code mercato.ratelimit.<name>} (env
 * {@code MERCATO_RATELIMIT_<NAME>}, dots and dashes as underscores) holds {@code requests/seconds} or {@code off};
 * {@code mercato.ratelimit.enabled=false} turns every limit off. Also who the client is, by
 * {@link TrustedProxies}, and which clients are exempt from per-address limits ({@link #EXEMPT}).
 */
@ApplicationScoped
public class RateLimitSettings {

    /** Prefix of every limit's setting. */
    public static final String PREFIX = "mercato.ratelimit.";

    /**
     * Addresses or CIDR ranges exempt from the per-address limits (monitoring, an internal tool); per-account and
     * per-customer limits still apply to them. Default: none.
     */
    public static final String EXEMPT = "mercato.ratelimit.exempt-addresses";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "mercato.ratelimit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "mercato.service.name", defaultValue = "service")
    String serviceName;

    private TrustedProxies proxies;
    private TrustedProxies exempt;
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    @PostConstruct
    void readProxies() {
        proxies = TrustedProxies.parse(config.getOptionalValue(TrustedProxies.SETTING, String.class).orElse(""));
        exempt = TrustedProxies.parse(config.getOptionalValue(EXEMPT, String.class).orElse(""), EXEMPT);
    }

    /**
     * The limit named {@code name}, read once.
     *
     * @param fallback {@code requests/seconds} when the setting is absent
     */
    public RateLimit limit(String name, String fallback) {
        if (!enabled) {
            return RateLimit.off();
        }
        return limits.computeIfAbsent(name, n -> read(config.getOptionalValue(PREFIX + n, String.class), fallback));
    }

    static RateLimit read(Optional<String> setting, String fallback) {
        return RateLimit.parse(setting.orElse(fallback));
    }

    /** The client of this request, by the service's trusted proxies. */
    public String clientAddress(HttpServletRequest request) {
        return ClientAddress.of(request, proxies);
    }

    /** Whether this client address is exempt from per-address limits. */
    public boolean isExempt(String clientAddress) {
        return exempt.trusts(clientAddress);
    }

    /** Keeps one service's buckets apart from another's in the shared map. */
    public String keyPrefix() {
        return serviceName + ":";
    }
}
