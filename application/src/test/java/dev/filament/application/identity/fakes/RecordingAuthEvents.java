package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fake {@link AuthEvents}: keeps every event as {@code name outcome [id]} text for assertions. */
public final class RecordingAuthEvents implements AuthEvents {
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void register(RegisterOutcome outcome, ClientIp clientIp) {
        events.add("auth.register " + outcome.wireName());
    }

    @Override
    public synchronized void login(LoginOutcome outcome, Optional<UserId> userId, ClientIp clientIp) {
        events.add("auth.login " + outcome.wireName() + userId.map(id -> " " + id).orElse(""));
    }

    @Override
    public synchronized void refresh(RefreshOutcome outcome, Optional<SessionId> sessionId, ClientIp clientIp) {
        events.add("auth.refresh " + outcome.wireName() + sessionId.map(id -> " " + id).orElse(""));
    }

    @Override
    public synchronized void logout(LogoutOutcome outcome, Optional<SessionId> sessionId, ClientIp clientIp) {
        events.add("auth.logout " + outcome.wireName() + sessionId.map(id -> " " + id).orElse(""));
    }

    @Override
    public synchronized void tokenRejected(TokenRejection reason, ClientIp clientIp) {
        events.add("auth.token.rejected " + reason.wireName());
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized String last() {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }
}
