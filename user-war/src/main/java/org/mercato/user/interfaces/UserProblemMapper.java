package org.mercato.user.interfaces;

import java.util.List;

import jakarta.ws.rs.ext.Provider;

import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;
import org.mercato.platform.ratelimit.RateLimitDecision;
import org.mercato.user.domain.AccountChangeRefusedException;
import org.mercato.user.domain.AccountLockedException;
import org.mercato.user.domain.AccountNotFoundException;
import org.mercato.user.domain.AddressNotFoundException;
import org.mercato.user.domain.EmailAlreadyRegisteredException;
import org.mercato.user.domain.InvalidCredentialsException;
import org.mercato.user.domain.InvalidRefreshTokenException;
import org.mercato.user.domain.SignInThrottledException;
import org.mercato.user.domain.UserDomainException;
import org.mercato.user.domain.WeakPasswordException;

/** The user domain's refusals as problem+json. */
@Provider
public class UserProblemMapper extends ProblemMapper<UserDomainException> {

    @Override
    protected Problem problem(UserDomainException e) {
        return describe(e);
    }

    /** The problem a refusal of the user domain is answered with (also for resources that add headers to it). */
    static Problem describe(UserDomainException e) {
        if (e instanceof EmailAlreadyRegisteredException) {
            return Problem.of(409, "email-taken", "Email already registered", e.getMessage());
        }
        if (e instanceof InvalidCredentialsException) {
            return Problem.of(401, "invalid-credentials", "Invalid credentials", e.getMessage());
        }
        if (e instanceof SignInThrottledException throttled) {
            return RateLimitDecision.tooManyRequests(throttled.retryAfterSeconds(), e.getMessage()).problem();
        }
        if (e instanceof WeakPasswordException) {
            return Problem.of(400, "weak-password", "Password rejected", e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("password", e.getMessage())));
        }
        if (e instanceof InvalidRefreshTokenException) {
            return Problem.of(401, "invalid-refresh-token", "Invalid refresh token", e.getMessage());
        }
        if (e instanceof AccountLockedException) {
            return Problem.of(403, "account-locked", "Account locked", e.getMessage());
        }
        if (e instanceof AccountChangeRefusedException refused) {
            return switch (refused.reason()) {
                case NOT_PERMITTED -> Problem.of(403, "not-permitted", "Forbidden", e.getMessage());
                case OWN_ACCOUNT -> Problem.of(422, "own-account", "Not for your own account", e.getMessage());
                case OWN_ADMIN_ROLE -> Problem.of(422, "own-admin-role", "Own admin role kept", e.getMessage());
                case NOT_A_STAFF_ACCOUNT -> Problem.of(422, "not-a-staff-account", "Not a staff account",
                        e.getMessage());
            };
        }
        if (e instanceof AccountNotFoundException || e instanceof AddressNotFoundException) {
            return Problem.of(404, "not-found", "Not found", e.getMessage());
        }
        return Problem.of(400, "invalid-request", "Invalid request", e.getMessage());
    }
}
