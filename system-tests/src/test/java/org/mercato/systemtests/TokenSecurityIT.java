package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens from user-war open every service; missing, expired, forged, unsigned or tampered tokens open none, and
 * roles are enforced.
 */
@ExtendWith(PlatformExtension.class)
class TokenSecurityIT {

    private static ServiceDatabase db;
    private static String adminToken;
    private static String customerToken;

    @BeforeAll
    static void connect() {
        db = ServiceDatabase.users();
        adminToken = PlatformExtension.staffToken();
        customerToken = UserApiIT.newSignedInCustomer().getString("access_token");
    }

    private static String claims(long issuedAt, long expires, String groups) {
        return "{\"iss\":\"mercato\",\"sub\":\"00000000-0000-0000-0000-000000000001\",\"upn\":\"eve@mercato.test\","
                + "\"groups\":" + groups + ",\"iat\":" + issuedAt + ",\"exp\":" + expires + ",\"jti\":\"x\"}";
    }

    @Test
    void aStaffTokenFromUserWarIsAcceptedByEveryOtherService() {
        for (String root : new String[]{"/catalog", "/inventory", "/orders", "/cart", "/payments",
                "/notifications", "/fulfillment", "/analytics"}) {
            Http.Reply status = PlatformExtension.http().get(root + "/api/status", adminToken);
            assertEquals(200, status.status(), root + ": " + status.body());
            assertEquals(PlatformExtension.ADMIN_EMAIL, status.json().getString("caller"));
        }
    }

    @Test
    void aCustomerCallingAStaffEndpointGets403() {
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/status", customerToken), 403);
        UserApiIT.assertProblem(PlatformExtension.http().get("/users/api/accounts", customerToken), 403);
    }

    @Test
    void aMissingTokenGets401() {
        UserApiIT.assertProblem(PlatformExtension.http().get("/users/api/accounts/me", null), 401);
        UserApiIT.assertProblem(PlatformExtension.http().get("/orders/api/status", null), 401);
    }

    @Test
    void anExpiredTokenSignedWithTheRealKeyGets401() throws Exception {
        Object[] key = db.newestSigningKey();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + key[0] + "\"}";
        String expired = Jwt.signed(header, claims(now - 3600, now - 1800, "[\"admin\",\"staff\"]"),
                Jwt.key((byte[]) key[1]));
        String valid = Jwt.signed(header, claims(now, now + 600, "[\"admin\",\"staff\"]"), Jwt.key((byte[]) key[1]));
        // the same construction with a live expiry is accepted: the 401 is about expiry, nothing else
        assertEquals(200, PlatformExtension.http().get("/catalog/api/status", valid).status());
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/status", expired), 401);
    }

    @Test
    void aTokenSignedWithAnotherKeyGets401() throws Exception {
        Object[] key = db.newestSigningKey();
        long now = Instant.now().getEpochSecond();
        String forged = Jwt.signed("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + key[0] + "\"}",
                claims(now, now + 600, "[\"admin\",\"staff\"]"), Jwt.randomKey());
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/status", forged), 401);
        UserApiIT.assertProblem(PlatformExtension.http().get("/users/api/accounts", forged), 401);
    }

    @Test
    void anUnsignedAlgNoneTokenGets401() {
        long now = Instant.now().getEpochSecond();
        String none = Jwt.unsigned(claims(now, now + 600, "[\"admin\",\"staff\"]"));
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/status", none), 401);
        UserApiIT.assertProblem(PlatformExtension.http().get("/users/api/accounts/me", none), 401);
    }

    @Test
    void aCustomerTokenWithGroupsRewrittenGets401() {
        String[] parts = customerToken.split("\\.");
        String payload = Jwt.payload(customerToken).replace("[\"customer\"]", "[\"admin\",\"staff\"]");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/status", tampered), 401);
    }

    @Test
    void garbageInTheAuthorizationHeaderGets401() {
        UserApiIT.assertProblem(PlatformExtension.http().get("/catalog/api/status", "not.a.jwt"), 401);
    }
}
