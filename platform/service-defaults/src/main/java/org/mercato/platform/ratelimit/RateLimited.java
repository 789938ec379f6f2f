package org.mercato.platform.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one client may call a resource method; over the limit it answers 429 problem+json with
 * {@code Retry-After} (seconds) and the method does not run. The limit is the setting
 * {@code mercato.ratelimit.<name>} ({@code requests/seconds} or {@code off}), else {@link #byDefault()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** Whose requests are counted together. */
    enum Per {
        /** The client address ({@link org.mercato.platform.web.ClientAddress}). */
        ADDRESS,
        /** The signed-in caller (the JWT subject); anonymous calls are counted by address. */
        CALLER
    }

    /** The setting's name under {@code mercato.ratelimit.}, e.g. {@code accounts.per-address}. */
    String value();

    /** Counted per client address or per caller. */
    Per per() default Per.ADDRESS;

    /** The limit when the setting is absent, {@code requests/seconds}. */
    String byDefault();
}
