package dev.filament.application.identity.port.out;

import dev.filament.domain.id.UserId;
import java.time.Instant;

/**
 * Out-port: the login lockout state of SPEC 4.3, keyed by (user, client network): the IPv4 address, or the /64 of an
 * IPv6 address ({@link dev.filament.domain.net.IpAddress#networkKey()}). A lock never reaches another network, so
 * nobody can keep a victim locked out from the victim's own network. The state lives with the limiters (memory bound
 * of SPEC 2.6), never in the database: a failed attempt costs no database work.
 *
 * <p>Each call is one atomic step for its key (concurrent wrong passwords count exactly); it never blocks on I/O.
 * Thread-safe.
 */
public interface LoginLockouts {

    /**
     * Settles one verified attempt of {@code user} from {@code network}: {@link Verdict#LOCKED} while the pair is
     * locked (state unchanged, whatever the password); else a wrong password counts one more consecutive failure
     * (the fifth locks the pair for 30 s and resets the count) and answers {@link Verdict#FAILED}; a right one clears
     * the pair and answers {@link Verdict#PASSED}.
     */
    Verdict settle(UserId user, String network, boolean passwordMatches, Instant now);

    /** The outcome of {@link #settle}. */
    enum Verdict {
        LOCKED,
        FAILED,
        PASSED
    }
}
