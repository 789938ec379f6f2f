package org.mercato.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A resource method that moves money or stock and takes an {@code Idempotency-Key} header, with the contract of
 * {@code POST /orders/api/orders} (after Stripe's): the first request with a key runs; a replay with the same key
 * and the same request answers the first answer again (same status and body, header {@code Idempotent-Replayed:
 * true}); the same key with another request is 422 {@code idempotency-key-reused}; a replay while the first is still
 * running is 409 {@code request-in-progress}. Keys are scoped to the caller (the token's subject) and hold 1 to 100
 * characters. A settled refusal (a 4xx other than 408/429, see {@link org.mercato.platform.problem.Refusals}) is the
 * first answer too and is replayed as such; a request that fails otherwise (an error, an outage, a rate limit)
 * leaves no trace of its key, so it can be sent again.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** Whether a request without the header is refused (400) rather than run without replay protection. */
    @Nonbinding
    boolean required() default false;
}
