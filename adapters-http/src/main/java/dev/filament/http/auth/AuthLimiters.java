package dev.filament.http.auth;

import dev.filament.application.shared.RateLimiter;

/** The four per-route, per-client-IP auth limiters of SPEC 2.6, checked before body parsing and any hashing. */
public record AuthLimiters(RateLimiter register, RateLimiter login, RateLimiter refresh, RateLimiter logout) {
}
