package org.mercato.messaging;

import java.io.StringReader;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/** Reads the JSON object every Mercato message carries as its text body (DESIGN §3). */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws JsonException if the message is not text or its text is not a JSON object */
    public static JsonObject read(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new JsonException("the body must be JSON text");
        }
        return Json.createReader(new StringReader(text.getText())).readObject();
    }
}
