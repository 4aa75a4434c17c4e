package dev.filament.http.connection;

/** Observes what the server answered or refused before routing: access log, request metrics, rejection counter. */
public interface PreRoutingOutcomes {
    /** An error response written before routing; {@code method} is the raw request method, possibly null. */
    void answered(String method, int status);

    /** A connection closed at the edge; {@code reason} is {@code process}, {@code peer} or {@code head_timeout}. */
    void connectionRejected(String reason);

    /** Does nothing. */
    PreRoutingOutcomes NONE = new PreRoutingOutcomes() {
        @Override public void answered(String method, int status) { }
        @Override public void connectionRejected(String reason) { }
    };
}
