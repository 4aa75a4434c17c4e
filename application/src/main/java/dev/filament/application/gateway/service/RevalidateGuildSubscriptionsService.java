package dev.filament.application.gateway.service;

import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.application.gateway.port.out.GatewaySubscriptions;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.gateway.port.in.RevalidateGuildSubscriptionsUseCase;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Implements {@link RevalidateGuildSubscriptionsUseCase}: snapshots the guild's subscriptions and voice participants,
 * decides them all in one read transaction (the guild once, the memberships in batches, each channel once), hands
 * off one {@code unsubscribed permission} drop per lost subscription, then lets the voice registry remove the
 * participants that lost access.
 */
public final class RevalidateGuildSubscriptionsService implements RevalidateGuildSubscriptionsUseCase {
    private final AccessLadder ladder;
    private final AccessLoader access;
    private final UnitOfWork unitOfWork;
    private final GatewaySubscriptions subscriptions;
    private final VoiceRegistry voice;
    private final Clock clock;

    public RevalidateGuildSubscriptionsService(AccessLadder ladder, AccessLoader access, UnitOfWork unitOfWork,
                                               GatewaySubscriptions subscriptions, VoiceRegistry voice,
                                               Clock clock) {
        this.ladder = ladder;
        this.access = access;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.voice = voice;
    }

    @Override
    public RevalidationResult revalidate(GuildId guild) {
        return revalidate(guild, true);
    }

    @Override
    public RevalidationResult revalidate(GuildId guild, boolean includeVoice) {
        List<Subscription> held = subscriptions.subscriptionsIn(guild);
        List<VoiceIdentity> participants = includeVoice ? participantsOf(guild) : List.of();
        if (held.isEmpty() && participants.isEmpty()) {
            return RevalidationResult.NOTHING; // no database work for a guild nobody watches
        }
        CreateMessageAccess access = new CreateMessageAccess(this.access, ladder, guild);
        List<Subscription> lost = unitOfWork.inTransaction(() -> {
            access.preload(Stream.concat(held.stream().map(Subscription::user), participants.stream()
                    .map(VoiceIdentity::user)).toList());
            participants.forEach(p -> access.allows(p.user(), p.channel()));
            return held.stream().filter(s -> !access.allows(s.user(), s.channel())).toList();
        });
        for (Subscription s : lost) {
            subscriptions.dropSubscription(s.connection(), guild, s.channel(), UnsubscribeReason.PERMISSION);
        }
        int removed = participants.isEmpty() ? 0 : voice.reevaluate(guild, (user, channel) ->
                // a participant who joined after the snapshot is decided on its own, in a short transaction
                access.decided(user, channel)
                        .orElseGet(() -> unitOfWork.inTransaction(() -> access.allows(user, channel))),
                clock.instant());
        return new RevalidationResult(held.size(), lost.size(), removed);
    }

    private List<VoiceIdentity> participantsOf(GuildId guild) {
        return voice.rooms().stream().filter(room -> room.guild().equals(guild))
                .map(voice::participants).flatMap(List::stream).map(VoiceParticipant::identity).toList();
    }
}
