package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.domain.id.SessionId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake {@link SessionRevocationListener} that remembers revoked sessions in order. */
public final class RecordingRevocationListener implements SessionRevocationListener {
    private final List<SessionId> revoked = new CopyOnWriteArrayList<>();

    @Override
    public void sessionRevoked(SessionId sessionId) {
        revoked.add(sessionId);
    }

    public List<SessionId> revoked() {
        return List.copyOf(revoked);
    }
}
