package dev.filament.application.gateway.port.out;

import dev.filament.domain.id.GuildId;

/**
 * Out-port: the guild revalidation hand-off of SPEC 9.10 as the {@code subscribe} command sees it. A subscribe
 * checks permissions, then registers the subscription; a permission commit in between could be revalidated from a
 * registry snapshot taken before the registration. The command reads {@link #stamp} before its check and, when the
 * stamp moved by the time the subscription is registered, {@link #request}s one more pass, which then starts after
 * the registration and sees it.
 *
 * <p>Both methods never block and never throw. Thread-safe.
 */
public interface SubscriptionRevalidations {

    /** A value that changes whenever a revalidation of {@code guild} is requested (it may also change spuriously). */
    long stamp(GuildId guild);

    /** Requests a revalidation pass of {@code guild}; coalesces with pending requests. */
    void request(GuildId guild);

    /** For wiring without a revalidation worker: the stamp never moves and requests are ignored. */
    static SubscriptionRevalidations none() {
        return new SubscriptionRevalidations() {
            @Override
            public long stamp(GuildId guild) {
                return 0;
            }

            @Override
            public void request(GuildId guild) {
            }
        };
    }
}
