package dev.filament.application.identity.port.in;

import java.time.Duration;

/** Use case: the background job of SPEC 4.2 deleting ended sessions and expired replay memory. */
public interface CleanupExpiredSessionsUseCase {

    /** How often the scheduler runs {@link #cleanup()}. */
    Duration INTERVAL = Duration.ofMinutes(10);

    CleanupResult cleanup();

    /** How many rows one run deleted. */
    record CleanupResult(int sessionsDeleted, int usedTokensDeleted) {
    }
}
