package org.mercato.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a raw (still percent-encoded) path or query string before anything decodes it: the runtimes decode a
 * malformed escape ({@code %zz}) or escapes of bytes that are not UTF-8 ({@code %C0%80}, {@code %ED%A0%80},
 * {@code %FF}) into U+FFFD or fail in odd ways, so such a request is refused instead.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * @param raw a path or query string as sent (null or empty: nothing to check)
     * @return why it is refused, or null when every {@code %} starts two hexadecimal digits and the escaped bytes
     *         are valid UTF-8
     */
    public static String refusal(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return null;
        }
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return "has a '%' not followed by two hexadecimal digits";
                }
                run.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                if (!validUtf8(run)) {
                    return "is not valid UTF-8 once percent-decoded";
                }
                run.reset();
            }
        }
        return validUtf8(run) ? null : "is not valid UTF-8 once percent-decoded";
    }

    private static boolean validUtf8(ByteArrayOutputStream bytes) {
        if (bytes.size() == 0) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
