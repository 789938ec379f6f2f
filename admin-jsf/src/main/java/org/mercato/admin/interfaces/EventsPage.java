package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.mercato.admin.infrastructure.DeadLetterQueues;
import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;

/**
 * Backs events.xhtml (admins only): each topic's dead-letter queue with every parked message's reason, headers and
 * body, and retry or discard behind a confirmation; and every service's outbox backlog (events written but not yet
 * on the broker), which grows when the broker is down and drains when it is back.
 */
@Named
@ViewScoped
public class EventsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The context roots of the services with a transactional outbox of events to publish. */
    static final List<String> SERVICES = List.of("catalog", "inventory", "orders", "payments", "fulfillment",
            "notifications", "analytics");

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    DeadLetterQueues deadLetters;

    @Inject
    StaffActions actions;

    private String topic;
    private List<DeadLetterQueues.Parked> parked = List.of();
    private List<Backlog> backlogs = List.of();
    private String chosenId;

    /** One service's outbox as the table shows it. */
    public static class Backlog implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String service;
        private final String pending;
        private final String retrying;
        private final String oldest;
        private final String problem;

        Backlog(String service, String pending, String retrying, String oldest, String problem) {
            this.service = service;
            this.pending = pending;
            this.retrying = retrying;
            this.oldest = oldest;
            this.problem = problem;
        }

        public String getService() {
            return service;
        }

        public String getPending() {
            return pending;
        }

        public String getRetrying() {
            return retrying;
        }

        public String getOldest() {
            return oldest;
        }

        public String getProblem() {
            return problem;
        }
    }

    /** f:viewAction: the first topic's queue and the backlogs. */
    public void load() {
        if (topic == null || !deadLetters.topics().contains(topic)) {
            topic = deadLetters.topics().get(0);
        }
        browse();
        backlogs();
    }

    public void browse() {
        try {
            parked = new ArrayList<>(deadLetters.browse(topic));
        } catch (ServiceFailure failure) {
            parked = List.of();
            StaffActions.error("deadLetters", failure.getMessage());
        }
    }

    public void backlogs() {
        List<Backlog> found = new ArrayList<>();
        for (String service : SERVICES) {
            try {
                String bearer = session.bearer();
                JsonObject backlog = ServiceFailure.call(service, () -> apis.outboxes().backlog(service, bearer));
                found.add(new Backlog(service, number(backlog, "pending"), number(backlog, "retrying"), seconds(
                        backlog.get("oldestPendingSeconds")), null));
            } catch (ServiceFailure failure) {
                if (failure.status() != 404) {
                    found.add(new Backlog(service, "", "", "", failure.getMessage()));
                }
            }
        }
        backlogs = found;
    }

    private static String number(JsonObject json, String name) {
        return json.containsKey(name) && !json.isNull(name) ? json.getJsonNumber(name).toString() : "";
    }

    private static String seconds(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            return "";
        }
        long seconds = ((jakarta.json.JsonNumber) value).longValue();
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    /** A confirmation dialog opens for this message. */
    public void choose(String messageId) {
        chosenId = messageId;
    }

    public void retry() {
        act(true);
    }

    public void discard() {
        act(false);
    }

    private void act(boolean retry) {
        String what = (retry ? "retry" : "discard") + " message " + chosenId + " of DLQ." + topic;
        try {
            boolean done = retry ? deadLetters.retry(topic, chosenId) : deadLetters.discard(topic, chosenId);
            if (done) {
                actions.audit(retry
                        ? "retried " + chosenId + " of DLQ." + topic
                        : "discarded " + chosenId
                                + " of DLQ." + topic);
                StaffActions.info(retry ? "Message sent back to be applied again." : "Message discarded.");
            } else {
                StaffActions.error("deadLetters", "That message is no longer parked (someone else acted on it).");
            }
        } catch (ServiceFailure failure) {
            actions.auditRefused(what, failure);
            StaffActions.error("deadLetters", failure.getMessage());
        }
        browse();
    }

    public List<String> getTopics() {
        return deadLetters.topics();
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public List<DeadLetterQueues.Parked> getParked() {
        return parked;
    }

    public List<Backlog> getBacklogs() {
        return backlogs;
    }

    public int getShown() {
        return DeadLetterQueues.SHOWN;
    }
}
