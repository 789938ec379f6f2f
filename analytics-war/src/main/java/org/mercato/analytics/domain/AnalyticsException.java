package org.mercato.analytics.domain;

/**
 * A report request the analytics service cannot answer, naming the query parameter that is wrong. It carries no
 * HTTP status: {@code interfaces.AnalyticsExceptionMapper} answers it as a 400 problem naming the parameter.
 */
public class AnalyticsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String problem;

    /**
     * @param parameter the query parameter that is wrong ({@code from}, {@code to}, {@code currency}, {@code limit})
     * @param problem what is wrong with it, without its name ("must be a date as YYYY-MM-DD, ..."), safe to show
     */
    public AnalyticsException(String parameter, String problem) {
        super(parameter + " " + problem, null, false, false);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** A report request refused because of {@code parameter}; the message is its name and what is wrong. */
    public static AnalyticsException invalid(String parameter, String problem) {
        return new AnalyticsException(parameter, problem);
    }

    /** The query parameter that is wrong. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong with the parameter, without its name. */
    public String problem() {
        return problem;
    }
}
