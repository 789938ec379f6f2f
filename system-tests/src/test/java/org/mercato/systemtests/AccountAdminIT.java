package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's account endpoints over HTTP: search filters and order, a profile with its addresses, lock and
 * unlock (sign-in and refresh refused while locked), who may lock whom, staff roles, password resets by an admin,
 * and bad input refused without a change.
 */
@ExtendWith(PlatformExtension.class)
class AccountAdminIT {

    private static final String PASSWORD = "correct horse battery";

    private static String admin;
    private static JsonObject adminAccount;
    private static String staff;
    private static JsonObject staffAccount;

    @BeforeAll
    static void signIn() {
        admin = PlatformExtension.staffToken();
        adminAccount = http().get("/users/api/accounts/me", admin).json();
        String staffEmail = "staff-" + UUID.randomUUID() + "@mercato.test";
        staffAccount = createStaff(staffEmail, "Stan Staff", "staff");
        staff = UserApiIT.login(staffEmail, PASSWORD).getString("access_token");
    }

    private static Http http() {
        return PlatformExtension.http();
    }

    private static JsonObject createStaff(String email, String name, String... roles) {
        String list = String.join("\",\"", roles);
        Http.Reply created = http().post("/users/api/accounts/staff", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"name\":\"" + name + "\",\"roles\":[\"" + list + "\"]}", admin);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static JsonObject customer(String email, String name) {
        Http.Reply created = http().post("/users/api/accounts", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"name\":\"" + name + "\"}", null);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static Http.Reply signIn(String email, String password) {
        return http().post("/users/api/tokens", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                null);
    }

    private static Http.Reply lock(String accountId, String reason, String token) {
        return http().post("/users/api/accounts/" + accountId + "/lock", "{\"reason\":\"" + reason + "\"}", token);
    }

    private static Http.Reply unlock(String accountId, String token) {
        return http().send(http().request("/users/api/accounts/" + accountId + "/unlock", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Http.Reply roles(String accountId, String roles, String token) {
        return http().put("/users/api/accounts/" + accountId + "/roles", "{\"roles\":" + roles + "}", token);
    }

    private static Http.Reply profile(String accountId) {
        Http.Reply profile = http().get("/users/api/accounts/" + accountId, staff);
        assertEquals(200, profile.status(), profile.body());
        return profile;
    }

    private static void assertProblem(Http.Reply reply, int status, String type) {
        UserApiIT.assertProblem(reply, status);
        assertTrue(reply.json().getString("type").endsWith("/" + type), reply.body());
    }

    private static List<String> fieldsNamed(Http.Reply reply) {
        UserApiIT.assertProblem(reply, 400);
        return reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    private static List<String> emails(String query) {
        Http.Reply page = http().get("/users/api/accounts?" + query, staff);
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("email")).toList();
    }

    @Test
    void searchFiltersByRoleAndLockAndSorts() {
        String tag = "tag" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ann = "b-ann-" + tag + "@mercato.test";
        String bob = "a-bob-" + tag + "@mercato.test";
        String sam = "c-sam-" + tag + "@mercato.test";
        String max = "d-max-" + tag + "@mercato.test";
        customer(ann, "Zoe Ann");
        String bobId = customer(bob, "yann Bob").getString("id");
        createStaff(sam, "Xavier Sam", "staff");
        createStaff(max, "Will Max", "staff", "admin");
        assertEquals(200, lock(bobId, "chargebacks", staff).status());

        String q = "q=" + tag.toUpperCase();
        assertEquals(List.of(max, sam, bob, ann), emails(q), "newest first by default");
        assertEquals(List.of(max, sam, bob, ann), emails(q + "&sort=-created"));
        assertEquals(List.of(ann, bob, sam, max), emails(q + "&sort=created"));
        assertEquals(List.of(bob, ann, sam, max), emails(q + "&sort=email"));
        assertEquals(List.of(max, sam, ann, bob), emails(q + "&sort=-email"));
        assertEquals(List.of(max, sam, bob, ann), emails(q + "&sort=name"), "names ignoring letter case");
        assertEquals(List.of(bob, ann), emails(q + "&role=customer&sort=email"));
        assertEquals(List.of(sam, max), emails(q + "&role=staff&sort=email"), "admins are staff too");
        assertEquals(List.of(max), emails(q + "&role=admin"));
        assertEquals(List.of(bob), emails(q + "&locked=true"));
        assertEquals(List.of(ann), emails(q + "&locked=false&role=customer"));
        assertEquals(List.of(max, sam, bob, ann), emails(q + "&role=&locked=&sort="), "empty is no filter");
        assertEquals(List.of(sam, max), emails(q + "&sort=email&page=1&size=2"), "pages follow the sort");

        Http.Reply locked = http().get("/users/api/accounts?" + q + "&locked=true", staff);
        JsonObject item = locked.json().getJsonArray("items").getJsonObject(0);
        assertEquals(1, locked.json().getInt("total"));
        assertTrue(item.getBoolean("locked"));
        assertEquals("chargebacks", item.getString("lockedReason"));
        assertEquals(staffAccount.getString("id"), item.getString("lockedBy"));
        JsonObject unlocked = http().get("/users/api/accounts?" + q + "&locked=false&role=customer", staff).json()
                .getJsonArray("items").getJsonObject(0);
        assertFalse(unlocked.getBoolean("locked"));
        assertFalse(unlocked.containsKey("lockedReason"));
        assertEquals(List.of("id", "email", "name", "roles", "createdAt", "locked"), List.copyOf(unlocked.keySet()));

        assertEquals(List.of("role"), fieldsNamed(http().get("/users/api/accounts?role=owner", staff)));
        assertEquals(List.of("role"), fieldsNamed(http().get("/users/api/accounts?role=STAFF", staff)));
        assertEquals(List.of("locked"), fieldsNamed(http().get("/users/api/accounts?locked=yes", staff)));
        assertEquals(List.of("sort"), fieldsNamed(http().get("/users/api/accounts?sort=password", staff)));
        assertEquals(List.of("sort"), fieldsNamed(http().get("/users/api/accounts?sort=--email", staff)));
        assertEquals(List.of("sort"), fieldsNamed(http().get("/users/api/accounts?sort=" + URLEncoder.encode(
                "+email", StandardCharsets.UTF_8), staff)));
        UserApiIT.assertProblem(http().get("/users/api/accounts?" + q, UserApiIT.newSignedInCustomer().getString(
                "access_token")), 403);
    }

    @Test
    void theProfileHoldsTheAccountsAddressesAsItsOwnerSeesThem() {
        String email = UserApiIT.uniqueEmail();
        String id = customer(email, "Ada Shopper").getString("id");
        String token = UserApiIT.login(email, PASSWORD).getString("access_token");
        assertEquals(201, http().post("/users/api/accounts/me/addresses", OrderFlowIT.ADDRESS, token).status());
        assertEquals(201, http().post("/users/api/accounts/me/addresses", OrderFlowIT.ADDRESS.replace("Berlin",
                "Hamburg"), token).status());
        JsonValue own = http().get("/users/api/accounts/me/addresses", token).anyJson();

        JsonObject profile = profile(id).json();
        assertEquals(id, profile.getString("id"));
        assertEquals(email, profile.getString("email"));
        assertFalse(profile.getBoolean("locked"));
        assertEquals(own, profile.getJsonArray("addresses"), "the same address JSON as /me/addresses");
        assertEquals(2, profile.getJsonArray("addresses").size());

        assertTrue(profile(staffAccount.getString("id")).json().getJsonArray("addresses").isEmpty());
        assertProblem(http().get("/users/api/accounts/" + UUID.randomUUID(), staff), 404, "not-found");
        UserApiIT.assertProblem(http().get("/users/api/accounts/" + id, token), 403);
    }

    @Test
    void aCustomerLockedByStaffCannotSignInOrRefreshUntilUnlocked() throws Exception {
        String email = UserApiIT.uniqueEmail();
        String id = customer(email, "Lou Locked").getString("id");
        JsonObject session = UserApiIT.login(email, PASSWORD);

        Http.Reply locked = lock(id, "card testing from many addresses", staff);
        assertEquals(200, locked.status(), locked.body());
        assertTrue(locked.json().getBoolean("locked"));
        assertEquals("card testing from many addresses", locked.json().getString("lockedReason"));
        assertEquals(staffAccount.getString("id"), locked.json().getString("lockedBy"));
        assertTrue(locked.json().containsKey("addresses"));

        Http.Reply refused = signIn(email, PASSWORD);
        assertProblem(refused, 403, "account-locked");
        assertFalse(refused.body().contains("card testing"), "the reason is for staff");
        assertProblem(signIn(email, "not the password"), 401, "invalid-credentials");
        assertProblem(UserApiIT.refresh(session.getString("refresh_token")), 401, "invalid-refresh-token");

        Http.Reply again = lock(id, "another reason", staff);
        assertEquals(200, again.status(), again.body());
        assertEquals(locked.json(), again.json(), "locking a locked account changes nothing");

        Http.Reply unlocked = unlock(id, staff);
        assertEquals(200, unlocked.status(), unlocked.body());
        assertFalse(unlocked.json().getBoolean("locked"));
        assertFalse(unlocked.json().containsKey("lockedReason"));
        assertEquals(200, unlock(id, staff).status(), "unlocking twice changes nothing");
        JsonObject newSession = UserApiIT.login(email, PASSWORD);
        assertEquals(200, UserApiIT.refresh(newSession.getString("refresh_token")).status());
        assertProblem(UserApiIT.refresh(session.getString("refresh_token")), 401, "invalid-refresh-token");

        String line = "Account " + id + " locked by account " + staffAccount.getString("id");
        Eventually.within(Duration.ofSeconds(5), "the lock's log line", () -> {
            try {
                return Files.readString(PlatformExtension.payaraLog()).contains(line);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertFalse(Files.readString(PlatformExtension.payaraLog()).contains(PASSWORD), "no password in the log");
    }

    @Test
    void staffLockNoStaffOrAdminAccountAndNobodyLocksTheirOwn() {
        String adminId = adminAccount.getString("id");
        String otherStaffEmail = "staff-" + UUID.randomUUID() + "@mercato.test";
        String otherStaffId = createStaff(otherStaffEmail, "Other Staff", "staff").getString("id");

        assertProblem(lock(adminId, "coup", staff), 403, "not-permitted");
        assertProblem(lock(otherStaffId, "rivalry", staff), 403, "not-permitted");
        assertProblem(lock(staffAccount.getString("id"), "tired", staff), 422, "own-account");
        assertProblem(lock(adminId, "tired", admin), 422, "own-account");
        assertProblem(unlock(adminId, admin), 422, "own-account");
        assertFalse(profile(adminId).json().getBoolean("locked"));
        assertFalse(profile(otherStaffId).json().getBoolean("locked"));
        assertEquals(200, signIn(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD).status());

        // an admin locks and unlocks a staff account; staff cannot undo it
        assertEquals(200, lock(otherStaffId, "left the company", admin).status());
        assertProblem(signIn(otherStaffEmail, PASSWORD), 403, "account-locked");
        assertProblem(unlock(otherStaffId, staff), 403, "not-permitted");
        assertEquals(200, unlock(otherStaffId, admin).status());
        assertEquals(200, signIn(otherStaffEmail, PASSWORD).status());
        assertProblem(lock(UUID.randomUUID().toString(), "nobody", staff), 404, "not-found");
    }

    @Test
    void anAdminChangesStaffRolesWhichApplyAtTheNextSignIn() {
        String email = "staff-" + UUID.randomUUID() + "@mercato.test";
        String id = createStaff(email, "Promoted Pat", "staff").getString("id");
        JsonObject session = UserApiIT.login(email, PASSWORD);

        assertProblem(roles(id, "[\"staff\",\"admin\"]", staff), 403, "forbidden");
        assertEquals(List.of("staff"), profile(id).json().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));
        Http.Reply promoted = roles(id, "[\"staff\",\"admin\"]", admin);
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals(List.of("admin", "staff"), promoted.json().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));
        assertProblem(UserApiIT.refresh(session.getString("refresh_token")), 401, "invalid-refresh-token");
        JsonObject asAdmin = UserApiIT.login(email, PASSWORD);
        assertTrue(Jwt.payload(asAdmin.getString("access_token")).contains("\"groups\":[\"admin\",\"staff\"]"),
                Jwt.payload(asAdmin.getString("access_token")));

        // the new admin cannot drop their own admin role; another admin can
        assertProblem(roles(id, "[\"staff\"]", asAdmin.getString("access_token")), 422, "own-admin-role");
        Http.Reply demoted = roles(id, "[\"staff\"]", admin);
        assertEquals(200, demoted.status(), demoted.body());
        assertEquals(List.of("staff"), demoted.json().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));
        assertProblem(roles(id, "[\"staff\",\"admin\"]", asAdmin.getString("access_token")), 403, "not-permitted");
        assertTrue(Jwt.payload(UserApiIT.login(email, PASSWORD).getString("access_token")).contains(
                "\"groups\":[\"staff\"]"));

        String customerId = customer(UserApiIT.uniqueEmail(), "Carla Customer").getString("id");
        assertProblem(roles(customerId, "[\"staff\"]", admin), 422, "not-a-staff-account");
        assertEquals(List.of("customer"), profile(customerId).json().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));
        assertProblem(roles(UUID.randomUUID().toString(), "[\"staff\"]", admin), 404, "not-found");
    }

    @Test
    void anAdminResetsAPasswordAndTheOldSessionsEnd() {
        String email = UserApiIT.uniqueEmail();
        String id = customer(email, "Forgetful Fred").getString("id");
        JsonObject session = UserApiIT.login(email, PASSWORD);
        String path = "/users/api/accounts/" + id + "/password";

        assertProblem(http().put(path, "{\"password\":\"a brand new password\"}", staff), 403, "forbidden");
        assertEquals(List.of("password"), fieldsNamed(http().put(path, "{\"password\":\"short\"}", admin)));
        assertProblem(http().put(path, "{\"password\":\"" + email + "\"}", admin), 400, "weak-password");
        assertEquals(200, UserApiIT.refresh(session.getString("refresh_token")).status(), "refusals change nothing");
        session = UserApiIT.login(email, PASSWORD);

        Http.Reply reset = http().put(path, "{\"password\":\"a brand new password\"}", admin);
        assertEquals(204, reset.status(), reset.body());
        assertProblem(UserApiIT.refresh(session.getString("refresh_token")), 401, "invalid-refresh-token");
        assertProblem(signIn(email, PASSWORD), 401, "invalid-credentials");
        assertEquals(200, signIn(email, "a brand new password").status());

        assertProblem(http().put("/users/api/accounts/" + adminAccount.getString("id") + "/password",
                "{\"password\":\"a brand new password\"}", admin), 422, "own-account");
        assertProblem(http().put("/users/api/accounts/" + UUID.randomUUID() + "/password",
                "{\"password\":\"a brand new password\"}", admin), 404, "not-found");
    }

    @Test
    void badBodiesAre400AndChangeNothing() {
        String id = customer(UserApiIT.uniqueEmail(), "Bea Body").getString("id");
        String staffId = staffAccount.getString("id");
        String lockPath = "/users/api/accounts/" + id + "/lock";
        assertEquals(List.of("reason"), fieldsNamed(http().post(lockPath, "{}", staff)));
        assertEquals(List.of("reason"), fieldsNamed(http().post(lockPath, "{\"reason\":\"\"}", staff)));
        assertEquals(List.of("reason"), fieldsNamed(http().post(lockPath, "{\"reason\":\"\\u200b\"}", staff)));
        assertEquals(List.of("reason"), fieldsNamed(http().post(lockPath, "{\"reason\":\"" + "x".repeat(301)
                + "\"}", staff)));
        assertEquals(List.of("reason"), fieldsNamed(http().post(lockPath, "{\"reason\":\"a\\nb\"}", staff)));
        assertEquals(List.of("reason"), fieldsNamed(http().post(lockPath, "{\"reason\":42}", staff)));
        assertEquals(List.of("admin"), fieldsNamed(http().post(lockPath, "{\"reason\":\"x\",\"admin\":true}",
                staff)));
        UserApiIT.assertProblem(http().post(lockPath, "{\"reason\":", staff), 400);
        UserApiIT.assertProblem(http().post(lockPath, "", staff), 400);
        UserApiIT.assertProblem(http().post("/users/api/accounts/" + id + "/unlock", "{\"reason\":\"x\"}", staff),
                400);
        assertFalse(profile(id).json().getBoolean("locked"));
        assertEquals(200, lock(id, "x".repeat(300), staff).status(), "300 characters are allowed");
        assertEquals(200, unlock(id, staff).status());

        String rolesPath = "/users/api/accounts/" + staffId + "/roles";
        assertEquals(List.of("roles"), fieldsNamed(http().put(rolesPath, "{}", admin)));
        assertEquals(List.of("roles"), fieldsNamed(http().put(rolesPath, "{\"roles\":[]}", admin)));
        assertFalse(fieldsNamed(http().put(rolesPath, "{\"roles\":[\"customer\"]}", admin)).isEmpty());
        assertFalse(fieldsNamed(http().put(rolesPath, "{\"roles\":[\"owner\"]}", admin)).isEmpty());
        UserApiIT.assertProblem(http().put(rolesPath, "{\"roles\":\"staff\"}", admin), 400);
        UserApiIT.assertProblem(http().put(rolesPath, "{\"roles\":[null]}", admin), 400);
        assertEquals(List.of("staff"), profile(staffId).json().getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));

        String passwordPath = "/users/api/accounts/" + id + "/password";
        assertEquals(List.of("password"), fieldsNamed(http().put(passwordPath, "{}", admin)));
        assertEquals(List.of("password"), fieldsNamed(http().put(passwordPath, "{\"password\":\""
                + "x".repeat(129) + "\"}", admin)));
        assertEquals(List.of("newPassword"), fieldsNamed(http().put(passwordPath, "{\"newPassword\":\"a brand new "
                + "password\"}", admin)));
        assertEquals(200, signIn(profile(id).json().getString("email"), PASSWORD).status(), "password unchanged");
        UserApiIT.assertProblem(http().post("/users/api/accounts/not-a-uuid/lock", "{\"reason\":\"x\"}", staff), 404);
    }
}
