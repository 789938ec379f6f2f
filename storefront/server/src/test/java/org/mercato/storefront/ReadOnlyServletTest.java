package org.mercato.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** A storefront servlet answers what it does not serve with 405 and Allow, never 501. */
class ReadOnlyServletTest {

    private static final class Page extends ReadOnlyServlet {
        private static final long serialVersionUID = 1L;
        boolean served;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            served = true;
        }
    }

    /** The status set (null: none), the headers and content type set, the body written. */
    private static final class Answer {
        Integer error;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    }

    private static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(ReadOnlyServletTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getDateHeader" -> -1L;
                    default -> null;
                });
    }

    private static HttpServletResponse response(Answer answer) {
        return (HttpServletResponse) Proxy.newProxyInstance(ReadOnlyServletTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "sendError", "setStatus" -> answer.error = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "getOutputStream" -> {
                            return new jakarta.servlet.ServletOutputStream() {
                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                                    // blocking writes only
                                }

                                @Override
                                public void write(int b) {
                                    answer.body.write(b);
                                }
                            };
                        }
                        default -> {
                            // nothing else is looked at
                        }
                    }
                    return m.getReturnType() == boolean.class ? false : null;
                });
    }

    @Test
    void methodsItDoesNotServeGet405WithAllow() throws Exception {
        for (String method : List.of("PATCH", "POST", "PUT", "DELETE", "PROPFIND")) {
            Page page = new Page();
            Answer answer = new Answer();
            page.service(request(method), response(answer));
            assertEquals(405, answer.error, method);
            assertEquals("GET, HEAD, OPTIONS", answer.headers.get("Allow"), method);
            assertEquals("application/problem+json", answer.contentType, method);
            assertTrue(answer.body.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"status\":405"),
                    method);
            assertFalse(page.served, method);
        }
    }

    @Test
    void aReadIsServed() throws Exception {
        Page page = new Page();
        Answer answer = new Answer();
        page.service(request("GET"), response(answer));
        assertTrue(page.served);
        assertNull(answer.error);
        assertTrue(ReadOnlyServlet.serves("HEAD") && ReadOnlyServlet.serves("OPTIONS"));
    }
}
