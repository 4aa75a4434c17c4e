package dev.filament.http.people;

import dev.filament.application.shared.RateLimiter;

/**
 * The limiters of SPEC 2.6 for the people routes: {@code profile_update}, {@code profile_avatar_upload} and
 * {@code profile_banner_upload} by client IP (checked before authentication and any body byte), {@code friend_request}
 * by user.
 */
public record PeopleLimiters(RateLimiter profileUpdate, RateLimiter avatarUpload, RateLimiter bannerUpload,
                             RateLimiter friendRequest) {
}
