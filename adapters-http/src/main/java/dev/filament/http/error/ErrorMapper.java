package dev.filament.http.error;

import dev.filament.application.blob.port.in.UploadBodyFailure;
import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.http.json.MalformedJson;
import dev.filament.http.json.SchemaViolation;
import dev.filament.http.json.UnsupportedMediaType;
import io.javalin.http.HttpResponseException;
import java.util.Map;

/** The one mapping from every failure to the HTTP error model of SPEC 1.7/1.8. Pure; no I/O. */
public final class ErrorMapper {
    /** SPEC 2.4: a 413 is often sent before the body was read; the connection is closed after it. */
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");
    private static final ApiError PAYLOAD_TOO_LARGE = new ApiError(413, "payload_too_large", CLOSE);

    public ApiError map(Throwable failure) {
        return switch (failure) {
            case FilamentException f -> mapDomain(f);
            case SchemaViolation s -> ApiError.of(422, "invalid_request");
            case MalformedJson m -> ApiError.of(400, "invalid_request");
            case UnsupportedMediaType u -> ApiError.of(415, "unsupported_media_type");
            case PayloadTooLarge p -> PAYLOAD_TOO_LARGE;
            case UploadRejectedException u -> switch (u.kind()) {
                case TOO_LARGE -> PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_TYPE -> ApiError.of(415, "unsupported_media_type");
            };
            case RangeNotSatisfiable r -> ApiError.of(416, "range_not_satisfiable");
            case UploadBodyFailure b -> b.timedOut()
                    ? new ApiError(408, "request_timeout", CLOSE)
                    : new ApiError(400, "invalid_request", CLOSE);
            case HttpResponseException h -> mapFramework(h);
            default -> ApiError.of(500, "internal_error");
        };
    }

    private ApiError mapDomain(FilamentException f) {
        return switch (f) {
            case NotFoundException n -> ApiError.of(404, n.code());
            case ForbiddenException x -> ApiError.of(403, x.code());
            case ConflictException c -> ApiError.of(409, c.code());
            case InvalidRequestException i -> ApiError.of(400, i.code());
            case UnauthenticatedException u -> new ApiError(401, u.code(), Map.of("WWW-Authenticate", "Bearer"));
            case RateLimitedException r -> rateLimited(r);
            case UnavailableException u -> UnavailableException.UNAVAILABLE.equals(u.code())
                    ? new ApiError(503, u.code(), Map.of("Retry-After", "1"))
                    : ApiError.of(503, u.code());
            case RequestTimeoutException t -> ApiError.of(408, t.code());
        };
    }

    static ApiError rateLimited(RateLimitedException r) {
        String retry = Long.toString(r.retryAfterSeconds());
        return new ApiError(429, r.code(), Map.of(
                "Retry-After", retry,
                "RateLimit-Policy", "\"" + r.policy() + "\";q=" + r.quota() + ";w=" + r.windowSeconds(),
                "RateLimit", "\"" + r.policy() + "\";r=0;t=" + retry));
    }

    private ApiError mapFramework(HttpResponseException h) {
        return switch (h.getStatus()) {
            case 400 -> ApiError.of(400, "invalid_request");
            case 404 -> ApiError.of(404, "not_found");
            case 405 -> ApiError.of(405, "method_not_allowed");
            case 408 -> ApiError.of(408, "request_timeout");
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> ApiError.of(415, "unsupported_media_type");
            default -> h.getStatus() >= 500 ? ApiError.of(500, "internal_error") : ApiError.of(400, "invalid_request");
        };
    }
}
