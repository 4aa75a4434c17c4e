package dev.filament.domain.gateway;

/**
 * How a resume request ended (SPEC 9.11): the {@code outcome} of the {@code gateway.resume} log and of
 * {@code filament_gateway_resumes_total}; every outcome but {@link #RESUMED} is also the {@code reason} of
 * {@code invalid_session}.
 */
public enum ResumeOutcome {
    RESUMED("resumed"),
    UNKNOWN("unknown"),
    MISMATCH("mismatch"),
    GAP("gap"),
    OUT_OF_RANGE("out_of_range");

    private final String label;

    ResumeOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
