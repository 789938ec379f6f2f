package org.mercato.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsUrlsWithAHost() {
        for (String url : new String[]{"https://erp.example.com/hooks/mercato", "http://127.0.0.1:8089/hook",
                "HTTPS://Example.COM", "https://example.com/a?token=x", "http://[::1]:9000/"}) {
            assertEquals(url, WebhookUrl.checked(url).toString());
        }
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrlToAHost() {
        String[][] cases = {{"ftp://example.com/x", "http or https"}, {"/relative/path", "absolute"},
                {"example.com/hook", "absolute"}, {"https://user:pw@example.com/", "user name"},
                {"https:///nohost", "host"}, {"https://exa mple.com/", "not a URL"}, {"mailto:a@b.c", "http or https"},
                {"https://example.com/#frag", "fragment"}, {"", "required"}, {"javascript:alert(1)", "http or https"},
                {"http://example.com:99999/", "port from 1 to 65535"}, {"http://example.com:0/", "port from 1"},
                {"https://example.com/" + "a".repeat(WebhookUrl.MAX_LENGTH), "at most"}};
        for (String[] c : cases) {
            WebhookException refused = assertThrows(WebhookException.class, () -> WebhookUrl.checked(c[0]), c[0]);
            assertEquals(WebhookException.Reason.INVALID, refused.reason());
            assertEquals("url", refused.field());
            assertEquals(true, refused.getMessage().contains(c[1]), c[0] + ": " + refused.getMessage());
        }
        assertThrows(WebhookException.class, () -> WebhookUrl.checked(null));
    }

    @Test
    void logsNeverShowTheQuery() {
        assertEquals("https://erp.example.com:8443/hook", WebhookUrl.forLog(
                "https://erp.example.com:8443/hook?token=secret"));
    }
}
