package org.mercato.notification.interfaces;

import jakarta.ws.rs.ext.Provider;

import org.mercato.notification.domain.NotificationException;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemMapper;

/** The notification service's refusals as problem+json. */
@Provider
public class NotificationProblemMapper extends ProblemMapper<NotificationException> {

    @Override
    protected Problem problem(NotificationException e) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            default -> "Invalid request";
        };
        return Problem.of(e.status(), e.type(), title, e.getMessage());
    }
}
