package dev.filament.application.gateway.port.in;

import dev.filament.domain.id.GuildId;

/**
 * Use case: re-evaluate {@code create_message} for every gateway subscription and voice participant of a guild after
 * a permission-relevant commit (SPEC 9.10, 11.5), revoking what lost access. Run by the background revalidation
 * worker, never by a request thread: it queries the database.
 */
public interface RevalidateGuildSubscriptionsUseCase {

    RevalidationResult revalidate(GuildId guild);

    /**
     * The pass with or without the voice re-evaluation: with several nodes only the node that committed the change
     * re-evaluates voice (SPEC 17.6); the others revalidate only their gateway subscriptions.
     */
    default RevalidationResult revalidate(GuildId guild, boolean includeVoice) {
        return revalidate(guild);
    }

    /** What one pass looked at and revoked. */
    record RevalidationResult(int subscriptionsChecked, int subscriptionsDropped, int voiceParticipantsRemoved) {
        public static final RevalidationResult NOTHING = new RevalidationResult(0, 0, 0);

        public RevalidationResult {
            if (subscriptionsChecked < 0 || subscriptionsDropped < 0 || voiceParticipantsRemoved < 0) {
                throw new IllegalArgumentException("revalidationResult: counts must be >= 0");
            }
        }
    }
}
