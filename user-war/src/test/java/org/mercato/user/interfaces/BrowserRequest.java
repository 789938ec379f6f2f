package org.mercato.user.interfaces;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

/** A servlet request as a browser's call to the users service leaves it: headers, peer address, TLS or not. */
final class BrowserRequest {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String peer = "203.0.113.7";
    private boolean secure;

    BrowserRequest() {
        headers.put("Host", "shop.example");
    }

    BrowserRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    BrowserRequest from(String peerAddress) {
        this.peer = peerAddress;
        return this;
    }

    BrowserRequest overTls() {
        this.secure = true;
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getRemoteAddr" -> peer;
                    case "isSecure" -> secure;
                    case "getScheme" -> secure ? "https" : "http";
                    case "getContextPath" -> "/users";
                    case "getServerName" -> "shop.example";
                    case "getServerPort" -> secure ? 443 : 80;
                    case "toString" -> "BrowserRequest" + headers;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
