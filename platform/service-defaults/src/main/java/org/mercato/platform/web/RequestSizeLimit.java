package org.mercato.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mercato.platform.problem.Problem;
import org.mercato.platform.problem.ProblemException;

/**
 * Refuses request bodies above {@code mercato.http.max-body-bytes} (or a method's {@link BodyLimit}) with 413
 * before anything is parsed or stored: by Content-Length up front, and by counting for chunked bodies.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "mercato.http.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limit();
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit).toResponse(request.getUriInfo().getRequestUri()));
        }
    }

    private long limit() {
        BodyLimit own = resource == null || resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(BodyLimit.class);
        return own != null ? own.value() : maxBodyBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limit();
        LimitedInputStream limited = new LimitedInputStream(context.getInputStream(), limit);
        context.setInputStream(limited);
        try {
            return context.proceed();
        } catch (RuntimeException | IOException e) {
            // the JSON parser wraps our failure in its own exception: whatever it became, it was too large
            if (limited.exceeded()) {
                throw new ProblemException(tooLarge(limit));
            }
            throw e;
        }
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes");
    }

    /** Counts bytes as they are read and fails the read once the limit is passed. */
    static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        boolean exceeded() {
            return count > limit;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new ProblemException(tooLarge(limit));
            }
        }
    }
}
