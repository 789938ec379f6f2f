package org.mercato.cart.application;

/** Another service did not answer (in time); the cart falls back to what it knows. */
public class DependencyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
