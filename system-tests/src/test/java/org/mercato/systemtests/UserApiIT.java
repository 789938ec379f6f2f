package org.mercato.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The users API over HTTP, as the storefront, the console and other services use it. */
@ExtendWith(PlatformExtension.class)
class UserApiIT {

    private static ServiceDatabase db;

    @BeforeAll
    static void connect() {
        db = ServiceDatabase.users();
    }

    static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID() + "@mercato.test";
    }

    static JsonObject register(String email, String password) {
        Http.Reply created = PlatformExtension.http().post("/users/api/accounts",
                "{\"email\":\"" + email + "\",\"password\":\""
                        + password + "\",\"name\":\"Test Shopper\"}",
                null);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    static JsonObject login(String email, String password) {
        Http.Reply tokens = PlatformExtension.http().post("/users/api/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\"}",
                null);
        assertEquals(200, tokens.status(), tokens.body());
        return tokens.json();
    }

    static Http.Reply refresh(String refreshToken) {
        return PlatformExtension.http().post("/users/api/tokens/refresh",
                "{\"refresh_token\":\"" + refreshToken + "\"}", null);
    }

    /** A new customer, signed in: its email and token pair. */
    static JsonObject newSignedInCustomer() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        return login(email, "correct horse battery");
    }

    static void assertProblem(Http.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("title"));
        assertFalse(reply.body().contains("Exception"), "no stack traces or class names to clients");
    }

    @Test
    void registerThenLoginThenReadMe() {
        String email = uniqueEmail();
        JsonObject account = register(email, "correct horse battery");
        assertEquals(email, account.getString("email"));
        assertEquals("customer", account.getJsonArray("roles").getString(0));
        assertFalse(account.toString().contains("password"), "no hash in responses");

        JsonObject tokens = login(email.toUpperCase(), "correct horse battery");
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(900, tokens.getInt("expires_in"));
        assertNotNull(tokens.getString("refresh_token"));
        String payload = Jwt.payload(tokens.getString("access_token"));
        assertTrue(payload.contains("\"iss\":\"mercato\""), payload);
        assertTrue(payload.contains("\"upn\":\"" + email + "\""), payload);
        assertTrue(payload.contains("\"groups\":[\"customer\"]"), payload);
        assertTrue(Jwt.header(tokens.getString("access_token")).contains("\"alg\":\"RS256\""));

        Http.Reply me = PlatformExtension.http().get("/users/api/accounts/me", tokens.getString("access_token"));
        assertEquals(200, me.status(), me.body());
        assertEquals(account.getString("id"), me.json().getString("id"));
    }

    @Test
    void emailIsUniqueWhateverItsCase() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        long before = db.accounts();
        Http.Reply duplicate = PlatformExtension.http().post("/users/api/accounts",
                "{\"email\":\"" + email.toUpperCase()
                        + "\",\"password\":\"another password\",\"name\":\"Twin\"}",
                null);
        assertProblem(duplicate, 409);
        assertEquals(before, db.accounts());
    }

    @Test
    void wrongPasswordAndUnknownEmailGet401() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        assertProblem(
                PlatformExtension.http().post("/users/api/tokens",
                        "{\"email\":\"" + email + "\",\"password\":\"wrong\"}", null),
                401);
        assertProblem(PlatformExtension.http().post("/users/api/tokens",
                "{\"email\":\"nobody@mercato.test\",\"password\":\"whatever1\"}", null), 401);
    }

    @Test
    void repeatedFailuresThrottleThatClientEvenForTheRightPassword() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(PlatformExtension.http().post("/users/api/tokens",
                    "{\"email\":\"" + email + "\",\"password\":\"guess"
                            + attempt + "\"}",
                    null), 401);
        }
        Http.Reply sixth = PlatformExtension.http().post("/users/api/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"guess6\"}",
                null);
        assertProblem(sixth, 429);
        assertNotNull(sixth.header("Retry-After"));
        Http.Reply rightButThrottled = PlatformExtension.http().post("/users/api/tokens", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\"}", null);
        assertProblem(rightButThrottled, 429);
        // only this client waits: the owner elsewhere signs in (RateLimitIT has more)
        Http.Reply elsewhere = PlatformExtension.http().send(PlatformExtension.http().request("/users/api/tokens",
                null).header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.23")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                        + "\",\"password\":\"correct horse battery\"}"))
                .build());
        assertEquals(200, elsewhere.status(), elsewhere.body());
    }

    @Test
    void invalidRegistrationsAre400AndStoreNothing() {
        long before = db.accounts();
        Http.Reply invalid = PlatformExtension.http().post("/users/api/accounts",
                "{\"email\":\"not-an-email\",\"password\":\"short\","
                        + "\"name\":\"\"}",
                null);
        assertProblem(invalid, 400);
        assertEquals(3, invalid.json().getJsonArray("errors").size(), invalid.body());
        assertProblem(PlatformExtension.http().post("/users/api/accounts", "{\"email\":\"a@b.example\",", null), 400);
        assertProblem(PlatformExtension.http().post("/users/api/accounts", "[1,2,3]", null), 400);
        assertProblem(PlatformExtension.http().post("/users/api/accounts", "", null), 400);
        assertEquals(before, db.accounts());
    }

    @Test
    void oversizedBodiesAre413AndStoreNothing() {
        long before = db.accounts();
        String email = uniqueEmail();
        String huge = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"name\":\""
                + "x".repeat(200_000) + "\"}";
        assertProblem(PlatformExtension.http().post("/users/api/accounts", huge, null), 413);
        // without a Content-Length the limit is enforced while reading
        String overLimit = huge.substring(0, 70_000) + "\"}";
        HttpRequest chunked = PlatformExtension.http().request("/users/api/accounts", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(overLimit.getBytes())))
                .build();
        assertProblem(PlatformExtension.http().send(chunked), 413);
        assertEquals(before, db.accounts());
        assertEquals(0, db.count("select count(*) from account where email_normalized = ?", email));
    }

    @Test
    void refreshTokensRotateAndAReplayEndsTheSession() {
        String first = newSignedInCustomer().getString("refresh_token");

        Http.Reply rotated = refresh(first);
        assertEquals(200, rotated.status(), rotated.body());
        String second = rotated.json().getString("refresh_token");
        assertNotEquals(first, second);
        assertEquals(200, PlatformExtension.http()
                .get("/users/api/accounts/me", rotated.json().getString("access_token")).status());

        // replaying the spent token revokes its whole family, including the second one
        assertProblem(refresh(first), 401);
        assertProblem(refresh(second), 401);
        // stored only as hashes
        assertEquals(0, db.count("select count(*) from refresh_token where token_hash = ?", second));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String refreshToken = newSignedInCustomer().getString("refresh_token");
        assertEquals(204,
                PlatformExtension.http()
                        .post("/users/api/tokens/revoke", "{\"refresh_token\":\"" + refreshToken + "\"}",
                                null)
                        .status());
        assertProblem(refresh(refreshToken), 401);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        JsonObject tokens = login(email, "correct horse battery");
        String access = tokens.getString("access_token");
        assertProblem(PlatformExtension.http().put("/users/api/accounts/me/password",
                "{\"currentPassword\":\"wrong one\",\"newPassword\":\"a new long password\"}", access), 401);
        assertEquals(204, PlatformExtension.http().put("/users/api/accounts/me/password",
                "{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"a new long password\"}", access)
                .status());
        assertProblem(refresh(tokens.getString("refresh_token")), 401);
        assertProblem(PlatformExtension.http().post("/users/api/tokens", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\"}", null), 401);
        login(email, "a new long password");
    }

    @Test
    void addressesCanBeManagedByTheirOwnerOnly() {
        String access = login(register(uniqueEmail(), "correct horse battery").getString("email"),
                "correct horse battery").getString("access_token");
        String address = "{\"name\":\"Ann\",\"line1\":\"1 Rue de la Paix\",\"line2\":null,\"city\":\"Paris\","
                + "\"postalCode\":\"75002\",\"country\":\"FR\"}";
        Http.Reply created = PlatformExtension.http().post("/users/api/accounts/me/addresses", address, access);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals("FR", created.json().getString("country"));

        Http.Reply updated = PlatformExtension.http().put("/users/api/accounts/me/addresses/" + id,
                address.replace("Paris", "Lyon"),
                access);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Lyon", updated.json().getString("city"));
        assertEquals(1, PlatformExtension.http().get("/users/api/accounts/me/addresses", access).anyJson().asJsonArray()
                .size());

        assertProblem(
                PlatformExtension.http().post("/users/api/accounts/me/addresses", address.replace("\"FR\"", "\"XX\""),
                        access),
                400);
        assertProblem(PlatformExtension.http().post("/users/api/accounts/me/addresses",
                address.replace("\"FR\"", "\"France\""),
                access), 400);

        String stranger = login(register(uniqueEmail(), "correct horse battery").getString("email"),
                "correct horse battery").getString("access_token");
        assertProblem(PlatformExtension.http().delete("/users/api/accounts/me/addresses/" + id, stranger), 404);
        assertEquals(204, PlatformExtension.http().delete("/users/api/accounts/me/addresses/" + id, access).status());
        assertEquals(0, PlatformExtension.http().get("/users/api/accounts/me/addresses", access).anyJson().asJsonArray()
                .size());
    }

    @Test
    void staffAccountsAreCreatedByAdminsOnly() {
        String admin = login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
        String customer = login(register(uniqueEmail(), "correct horse battery").getString("email"),
                "correct horse battery").getString("access_token");
        String staffEmail = uniqueEmail();
        String body = "{\"email\":\"" + staffEmail + "\",\"password\":\"staff password 1\",\"name\":\"Sam\","
                + "\"roles\":[\"staff\"]}";

        assertProblem(PlatformExtension.http().post("/users/api/accounts/staff", body, customer), 403);
        Http.Reply created = PlatformExtension.http().post("/users/api/accounts/staff", body, admin);
        assertEquals(201, created.status(), created.body());
        assertEquals("staff", created.json().getJsonArray("roles").getString(0));

        String staff = login(staffEmail, "staff password 1").getString("access_token");
        assertProblem(PlatformExtension.http().post("/users/api/accounts/staff",
                body.replace(staffEmail, uniqueEmail()), staff), 403);
        Http.Reply found = PlatformExtension.http().get("/users/api/accounts?q=" + staffEmail, staff);
        assertEquals(200, found.status(), found.body());
        assertEquals(1, found.json().getInt("total"));
        assertProblem(PlatformExtension.http().get("/users/api/accounts", customer), 403);
        assertProblem(PlatformExtension.http().get("/users/api/accounts?size=1000", staff), 400);
        assertProblem(PlatformExtension.http().get("/users/api/accounts?page=-1", staff), 400);
    }

    @Test
    void theLogRecordsRequestsButNoPasswordsOrTokens() throws Exception {
        String email = uniqueEmail();
        String password = "secret-" + UUID.randomUUID();
        register(email, password);
        JsonObject tokens = login(email, password);
        PlatformExtension.http().post("/users/api/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"wrong-" + password + "\"}",
                null);
        PlatformExtension.http().get("/users/api/accounts/me", tokens.getString("access_token"));
        // the launcher copies Payara's output to the log as it comes: wait for the last request's line, then look
        Eventually.within(java.time.Duration.ofSeconds(5), "the last request's log line", () -> {
            try {
                return java.nio.file.Files.readString(PlatformExtension.payaraLog()).contains(
                        "GET /users/api/accounts/me -> 200 in");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        String log = java.nio.file.Files.readString(PlatformExtension.payaraLog());
        assertTrue(log.contains("POST /users/api/tokens -> 200"), "one line per request for the operator");
        assertFalse(log.contains(password), "no password in the log");
        assertFalse(log.contains(tokens.getString("refresh_token")), "no refresh token in the log");
        assertFalse(log.contains(tokens.getString("access_token").split("\\.")[2]), "no access token in the log");
    }

    @Test
    void jwksPublishesTheSigningKey() {
        Http.Reply jwks = PlatformExtension.http().get("/users/api/jwks", null);
        assertEquals(200, jwks.status());
        JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertNotNull(key.getString("n"));
        assertEquals(db.newestSigningKey()[0], key.getString("kid"));
        assertFalse(jwks.body().contains("\"d\""), "never the private exponent");
        // the verifiers (Payara's) keep the key set as long as this allows: a newly published key is trusted within
        // a minute (docs/deploy.md, key rotation)
        String cacheControl = jwks.header("Cache-Control");
        assertTrue(List.of(cacheControl.replace(" ", "").split(",")).contains("max-age=60"), cacheControl);
    }

    /** The fields a 400 problem names. */
    private static java.util.List<String> fieldsNamed(Http.Reply reply) {
        assertProblem(reply, 400);
        return reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    @Test
    void lookAlikeEmailsAreRefusedAndUnicodeSpacesAroundAreStripped() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        long before = db.accounts();
        // each of these registered as an account of its own; \\u escapes travel as JSON escapes
        for (String lookAlike : java.util.List.of(email + "\\u00a0", "\\u200b" + email, email.replace("@",
                "\\ufeff@"), email.replace("@", "\\u202e@"), email.replace("@", "\\u3000@"))) {
            Http.Reply refused = PlatformExtension.http().post("/users/api/accounts", "{\"email\":\"" + lookAlike
                    + "\",\"password\":\"another password\",\"name\":\"Twin\"}", null);
            assertEquals(java.util.List.of("email"), fieldsNamed(refused), lookAlike + ": " + refused.body());
        }
        // Unicode whitespace around the address is stripped like ordinary spaces: the same account
        assertProblem(PlatformExtension.http().post("/users/api/accounts", "{\"email\":\"\\u3000" + email
                + "\\u2003\",\"password\":\"another password\",\"name\":\"Twin\"}", null), 409);
        String admin = login(PlatformExtension.ADMIN_EMAIL, PlatformExtension.ADMIN_PASSWORD)
                .getString("access_token");
        assertEquals(java.util.List.of("email"), fieldsNamed(PlatformExtension.http().post(
                "/users/api/accounts/staff", "{\"email\":\"" + uniqueEmail() + "\\u00a0\",\"password\":"
                        + "\"staff password 1\",\"name\":\"Sam\",\"roles\":[\"staff\"]}",
                admin)));
        assertEquals(before, db.accounts(), "nothing stored");
        // sign-in applies the same rule: stripped, and a look-alike matches no account (401 like any unknown one)
        assertEquals(200, PlatformExtension.http().post("/users/api/tokens", "{\"email\":\"\\u3000"
                + email.toUpperCase() + "\\u2003\",\"password\":\"correct horse battery\"}", null).status());
        assertProblem(PlatformExtension.http().post("/users/api/tokens", "{\"email\":\"" + email
                + "\\u00a0\",\"password\":\"correct horse battery\"}", null), 401);
    }

    @Test
    void namesMadeOfInvisibleCharactersAreBlank() {
        long before = db.accounts();
        assertEquals(java.util.List.of("name"), fieldsNamed(PlatformExtension.http().post("/users/api/accounts",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"correct horse battery\",\"name\":"
                        + "\"\\u200b\"}",
                null)));
        assertEquals(before, db.accounts());
        String access = newSignedInCustomer().getString("access_token");
        assertEquals(java.util.List.of("name"), fieldsNamed(PlatformExtension.http().patch("/users/api/accounts/me",
                "{\"name\":\"\\u3000\\u200b\\ufeff\"}", access)));
        assertEquals("Test Shopper", PlatformExtension.http().get("/users/api/accounts/me", access).json()
                .getString("name"));
        assertEquals(java.util.List.of("city", "name"), fieldsNamed(PlatformExtension.http().post(
                "/users/api/accounts/me/addresses", "{\"name\":\"\\u200b\",\"line1\":\"1 Rue de la Paix\","
                        + "\"city\":\"\\u00a0\",\"postalCode\":\"75002\",\"country\":\"FR\"}",
                access)));
        assertEquals(0, PlatformExtension.http().get("/users/api/accounts/me/addresses", access).anyJson()
                .asJsonArray().size());
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSignIn() {
        String email = uniqueEmail();
        register(email, "correct horse battery");
        String access = login(email, "correct horse battery").getString("access_token");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(PlatformExtension.http().put("/users/api/accounts/me/password", "{\"currentPassword\":"
                    + "\"guess " + attempt + "\",\"newPassword\":\"a new long password\"}", access), 401);
        }
        Http.Reply sixth = PlatformExtension.http().put("/users/api/accounts/me/password",
                "{\"currentPassword\":\"guess 6\",\"newPassword\":\"a new long password\"}", access);
        assertProblem(sixth, 429);
        assertTrue(Long.parseLong(sixth.header("Retry-After")) > 0, sixth.header("Retry-After"));
        assertProblem(PlatformExtension.http().put("/users/api/accounts/me/password", "{\"currentPassword\":"
                + "\"correct horse battery\",\"newPassword\":\"a new long password\"}", access), 429);
        // one budget with sign-in, from this client only: the owner elsewhere signs in and changes it
        assertProblem(PlatformExtension.http().post("/users/api/tokens", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\"}", null), 429);
        Http.Reply elsewhere = PlatformExtension.http().send(PlatformExtension.http().request(
                "/users/api/accounts/me/password", access).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.61").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"a new long password\"}"))
                .build());
        assertEquals(204, elsewhere.status(), elsewhere.body());
    }

    @Test
    void jwksAnswersItsDocumentedMediaTypeOrJsonWhenAskedFor() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        java.net.URI jwks = PlatformExtension.http().uri("/users/api/jwks");
        var byDefault = client.send(HttpRequest.newBuilder(jwks).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, byDefault.statusCode());
        String type = byDefault.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/jwk-set+json"), type);
        var asJson = client.send(HttpRequest.newBuilder(jwks).header("Accept", "application/json").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(asJson.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(byDefault.body(), asJson.body(), "the same key set either way");

        JsonObject document = PlatformExtension.http().get("/users/api/openapi", null).json();
        JsonObject content = document.getJsonObject("paths").getJsonObject("/users/api/jwks").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content");
        assertEquals(java.util.Set.of("application/jwk-set+json"), content.keySet());
        String schema = jakarta.json.Json.createObjectBuilder(content.getJsonObject("application/jwk-set+json")
                .getJsonObject("schema")).add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .add("components", document.getJsonObject("components")).build().toString();
        var errors = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema, com.networknt.schema.InputFormat.JSON)
                .validate(byDefault.body(), com.networknt.schema.InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
