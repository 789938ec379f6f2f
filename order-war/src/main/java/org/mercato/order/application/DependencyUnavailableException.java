package org.mercato.order.application;

/** Another service did not answer in time (or its circuit is open); nothing was decided by it. */
public class DependencyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String service;

    public DependencyUnavailableException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
