package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00.750Z");
    private static final SessionId SID = SessionId.of("01HZX3KQ7W2B9E5V8N4M6P0RST");
    private static final UserId UID = UserId.of("01HZX3KQ7W2B9E5V8N4M6P0RSA");

    @Test
    void startedSessionExpiresAfterThirtyDaysInWholeSeconds() {
        Session s = Session.start(SID, UID, RefreshToken.issue(SID, new byte[32]).hash(), NOW);
        assertThat(s.createdAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(s.expiresAt()).isEqualTo(s.createdAt().plus(Duration.ofDays(30)));
        assertThat(s.revokedAt()).isEmpty();
    }

    @Test
    void isLiveUntilExpiryAndNotAfterRevocation() {
        Session s = Session.start(SID, UID, RefreshToken.issue(SID, new byte[32]).hash(), NOW);
        assertThat(s.isLive(s.expiresAt().minusSeconds(1))).isTrue();
        assertThat(s.isLive(s.expiresAt())).isFalse();
        Session revoked = Session.rehydrate(SID, UID, s.refreshHash(), s.createdAt(), s.expiresAt(), NOW);
        assertThat(revoked.isLive(NOW)).isFalse();
    }

    @Test
    void accessClaimsLastNineHundredSeconds() {
        AccessClaims c = AccessClaims.issue(UID, SID, new Username("bob"), NOW);
        assertThat(c.iat()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(Duration.between(c.iat(), c.exp())).isEqualTo(Duration.ofSeconds(900));
    }
}
