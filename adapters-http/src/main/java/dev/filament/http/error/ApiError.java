package dev.filament.http.error;

import java.util.Map;

/** One HTTP error outcome: status, wire code and the extra headers SPEC 1.8 requires for it. */
public record ApiError(int status, String code, Map<String, String> headers) {

    public ApiError {
        headers = Map.copyOf(headers);
    }

    public static ApiError of(int status, String code) {
        return new ApiError(status, code, Map.of());
    }
}
