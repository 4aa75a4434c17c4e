package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.CleanupExpiredSessionsUseCase.CleanupResult;
import dev.filament.application.identity.port.in.RefreshSessionUseCase.RefreshSessionCommand;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CleanupExpiredSessionsServiceTest {
    private final IdentityFixture f = new IdentityFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deletesSessionsEndedOverThirtyDaysAgoAndOldReplayMemoryOnly() {
        f.registered("alice");
        AuthResult old = f.loggedIn("alice");
        f.refresh.refresh(new RefreshSessionCommand(old.refreshToken().value(), IP)); // one used-token row
        f.clock.advance(Duration.ofDays(31));
        AuthResult live = f.loggedIn("alice");

        // the old session expires on day 30, so on day 31 it is not yet 30 days past its end
        assertThat(f.cleanup.cleanup()).isEqualTo(new CleanupResult(0, 1));

        f.clock.advance(Duration.ofDays(29).plusSeconds(1));
        assertThat(f.cleanup.cleanup()).isEqualTo(new CleanupResult(1, 0));
        assertThat(f.sessions.lockById(old.refreshToken().sessionId())).isEmpty();
        assertThat(f.sessions.lockById(live.refreshToken().sessionId())).isPresent();
    }

    @Test
    void usedTokenMemoryOutlivesThirtyDaysByOneHour() {
        f.registered("alice");
        AuthResult login = f.loggedIn("alice");
        f.refresh.refresh(new RefreshSessionCommand(login.refreshToken().value(), IP));
        f.clock.advance(Duration.ofDays(30).plusHours(1));
        assertThat(f.cleanup.cleanup().usedTokensDeleted()).isZero();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.cleanup.cleanup().usedTokensDeleted()).isEqualTo(1);
    }
}
