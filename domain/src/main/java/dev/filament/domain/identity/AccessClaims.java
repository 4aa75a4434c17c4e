package dev.filament.domain.identity;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The claims of an access token (SPEC 4.2): subject, session, username, issued-at and expiry in whole seconds. */
public record AccessClaims(UserId sub, SessionId sid, Username username, Instant iat, Instant exp) {

    public AccessClaims {
        if (sub == null || sid == null || username == null || iat == null || exp == null) {
            throw new IllegalArgumentException("accessClaims: sub, sid, username, iat and exp are required");
        }
        if (!exp.isAfter(iat)) {
            throw new IllegalArgumentException("accessClaims: exp must be after iat");
        }
    }

    /** Claims for a token issued at {@code now}, valid for the access TTL. */
    public static AccessClaims issue(UserId sub, SessionId sid, Username username, Instant now) {
        Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
        return new AccessClaims(sub, sid, username, iat, iat.plus(AuthTtl.ACCESS_TOKEN));
    }
}
