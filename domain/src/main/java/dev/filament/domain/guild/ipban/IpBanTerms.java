package dev.filament.domain.guild.ipban;

import dev.filament.domain.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Value: the optional {@code reason} and {@code expires_in_secs} of an IP ban by user (SPEC 6.6), each 400 if bad. */
public record IpBanTerms(Optional<String> reason, OptionalLong expiresInSecs) {
    public static final int MAX_REASON_BYTES = 240;
    public static final long MAX_EXPIRY_SECS = 15_552_000L;

    public IpBanTerms {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expiresInSecs, "expiresInSecs");
        reason.ifPresent(IpBanTerms::requireValidReason);
        if (expiresInSecs.isPresent() && (expiresInSecs.getAsLong() < 1 || expiresInSecs.getAsLong() > MAX_EXPIRY_SECS)) {
            throw new InvalidRequestException("expires_in_secs must be within 1..15552000");
        }
    }

    private static void requireValidReason(String r) {
        if (r.isBlank() || r.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException("reason must not be blank");
        }
        if (r.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            throw new InvalidRequestException("reason must be at most 240 bytes");
        }
    }

    /** The stored reason: the given text or {@code ''}. */
    public String storedReason() {
        return reason.orElse("");
    }

    /** {@code now + expiry}, or empty for a ban that never expires. */
    public Optional<Instant> expiresAt(Instant now) {
        return expiresInSecs.isPresent() ? Optional.of(now.plusSeconds(expiresInSecs.getAsLong())) : Optional.empty();
    }
}
