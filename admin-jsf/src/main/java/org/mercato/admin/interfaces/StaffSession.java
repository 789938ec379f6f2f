package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mercato.admin.infrastructure.ServiceFailure;
import org.mercato.admin.infrastructure.StaffTokens;

/**
 * Who is signed in to the console, with the tokens used to call the services on their behalf. The access token
 * is refreshed shortly before it expires, as long as the session is used; the session ends (sign-out or timeout)
 * by revoking the refresh token at user-war.
 */
@Named
@SessionScoped
public class StaffSession implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final Logger LOG = Logger.getLogger(StaffSession.class.getName());
    /** Refresh this long before expiry, so a call never leaves with a token about to lapse. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(90);

    @Inject
    StaffTokens tokens;

    transient Clock clock = Clock.systemUTC();

    private String accessToken;
    private String refreshToken;
    private Instant expiresAt;
    private String staffId;
    private String email;
    private String name;
    private List<String> roles = List.of();

    synchronized void signIn(StaffTokens.Tokens issued, StaffTokens.Account account) {
        this.accessToken = issued.accessToken();
        this.refreshToken = issued.refreshToken();
        this.expiresAt = issued.expiresAt();
        this.staffId = account.id();
        this.email = account.email();
        this.name = account.name();
        this.roles = List.copyOf(account.roles());
    }

    /** Forgets everything and revokes the refresh token; safe to call twice. */
    synchronized void signOut() {
        if (refreshToken != null) {
            tokens.revoke(refreshToken);
        }
        accessToken = null;
        refreshToken = null;
        expiresAt = null;
        staffId = null;
        email = null;
        name = null;
        roles = List.of();
    }

    /** The session timed out (or was invalidated): its refresh token must not outlive it. */
    @PreDestroy
    void ended() {
        if (refreshToken != null) {
            LOG.info(() -> "Console session of staff member " + staffId + " ended");
            tokens.revoke(refreshToken);
        }
    }

    public boolean isSignedIn() {
        return accessToken != null;
    }

    /**
     * {@code Bearer <access token>} for a call made now, refreshing the pair first when it expires within
     * {@link #REFRESH_MARGIN}. Synchronized: two requests of one session must not both spend the refresh token
     * (user-war takes a reused one for theft and ends the whole session).
     *
     * @throws NotSignedIn when there is no session or the refresh was refused
     */
    public synchronized String bearer() {
        if (accessToken == null) {
            throw new NotSignedIn();
        }
        Instant now = (clock == null ? Clock.systemUTC() : clock).instant();
        if (expiresAt != null && now.plus(REFRESH_MARGIN).isAfter(expiresAt)) {
            try {
                StaffTokens.Tokens fresh = tokens.refresh(refreshToken);
                accessToken = fresh.accessToken();
                refreshToken = fresh.refreshToken();
                expiresAt = fresh.expiresAt();
                LOG.fine(() -> "Refreshed the console token of staff member " + staffId);
            } catch (ServiceFailure failure) {
                if (failure.status() == 401 || failure.status() == 400) {
                    LOG.info(
                            () -> "Console session of staff member " + staffId + " could not be refreshed; signed out");
                    accessToken = null;
                    refreshToken = null;
                    throw new NotSignedIn();
                }
                // users service down: the current token may still work for a little while
                if (now.isAfter(expiresAt)) {
                    throw failure;
                }
            }
        }
        return "Bearer " + accessToken;
    }

    /** Refreshes when due; called by the guard on every page request of a signed-in session. */
    void keepAlive() {
        try {
            bearer();
        } catch (ServiceFailure tolerated) {
            // the screen's own calls will say so
        }
    }

    public String getStaffId() {
        return staffId;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getRoles() {
        return String.join(", ", roles);
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** The session has no (longer a) valid staff sign-in. */
    public static class NotSignedIn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotSignedIn() {
            super("not signed in");
        }
    }
}
