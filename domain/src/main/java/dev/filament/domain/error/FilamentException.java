package dev.filament.domain.error;

/**
 * Root of the transport-neutral error hierarchy. Each subtype names one outcome of SPEC 1.7; adapters map it once
 * (HTTP status + JSON, gateway error event). Expected rejections carry no stack trace: they are cheap to throw.
 */
public abstract sealed class FilamentException extends RuntimeException
        permits NotFoundException, ForbiddenException, ConflictException, InvalidRequestException,
                UnauthenticatedException, RateLimitedException, UnavailableException, RequestTimeoutException {

    private final String code;

    protected FilamentException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The wire error code (SPEC 1.7), e.g. {@code not_found}. */
    public String code() {
        return code;
    }
}
