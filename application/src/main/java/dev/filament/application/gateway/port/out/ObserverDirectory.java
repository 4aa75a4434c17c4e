package dev.filament.application.gateway.port.out;

import dev.filament.domain.id.UserId;
import java.util.Set;

/**
 * Out-port: who observes a user's profile (SPEC 9.5 {@code observers(U)}): U itself, U's friends and every user holding
 * a membership in a guild where U holds one.
 *
 * <p>Semantics: one bounded database read in its own transaction, evaluated when called (the gateway's audience
 * resolver calls it when it delivers the event); blocks within the database bounds and throws
 * {@link dev.filament.domain.error.UnavailableException} when the database does not answer. Thread-safe.
 */
public interface ObserverDirectory {

    /** The members of {@code candidates} that observe {@code subject} (the subject observes itself). */
    Set<UserId> observersAmong(UserId subject, Set<UserId> candidates);
}
