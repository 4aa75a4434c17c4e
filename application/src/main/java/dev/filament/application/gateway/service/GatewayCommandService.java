package dev.filament.application.gateway.service;

import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.in.GatewayCommandHandler;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.application.gateway.port.out.GatewayConnections;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.application.gateway.port.out.SubscriptionRevalidations;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.voice.service.SyncVoiceParticipantsService;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.voice.port.in.SyncVoiceParticipantsUseCase;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;

/**
 * Implements {@link GatewayCommandHandler}: {@code subscribe} runs the guild access ladder, registers the
 * subscription and sends the connection its initial state; {@code message_create} goes through the message use case.
 */
public final class GatewayCommandService implements GatewayCommandHandler {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final GatewayConnections connections;
    private final GatewayEventPublisher publisher;
    private final EventSerializer serializer;
    private final SyncVoiceParticipantsUseCase voiceSync;
    private final CreateMessageUseCase messages;
    private final SubscriptionRevalidations revalidations;

    /** {@code ladder} and {@code unitOfWork} are the ones the REST routes use. */
    public GatewayCommandService(AccessLadder ladder, UnitOfWork unitOfWork, GatewayConnections connections,
                                 GatewayEventPublisher publisher, EventSerializer serializer,
                                 SyncVoiceParticipantsUseCase voiceSync, CreateMessageUseCase messages,
                                 SubscriptionRevalidations revalidations) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.connections = connections;
        this.publisher = publisher;
        this.serializer = serializer;
        this.voiceSync = voiceSync;
        this.messages = messages;
        this.revalidations = revalidations;
    }

    /**
     * Ladder {@code G}, {@code IP(gateway.subscribe)}, {@code C}, {@code CP(create_message)} as the REST routes run
     * it, then the registry; the initial state is sent on repeats too, so a client can always resync this way.
     */
    @Override
    public void subscribe(GatewayCaller caller, GuildId guild, ChannelId channel) {
        UserId user = caller.user();
        Registration registration = checkAndRegister(caller, guild, channel);
        SubscribeOutcome outcome = registration.outcome();
        long stamp = registration.revalidationStamp();
        switch (outcome.kind()) {
            case QUOTA_EXCEEDED -> throw ConflictException.quotaExceeded("subscription");
            case NOT_CONNECTED, FENCED -> {
                return; // closed meanwhile: nobody is left to tell (FENCED never leaves checkAndRegister)
            }
            case SUBSCRIBED -> {
                if (revalidations.stamp(guild) != stamp) {
                    revalidations.request(guild); // a commit raced the check: its pass may have missed us
                }
                sendInitialState(caller, guild, channel);
            }
            case ALREADY_SUBSCRIBED -> sendInitialState(caller, guild, channel);
        }
        if (outcome.becameOnline()) {
            publisher.publish(PresenceStatus.ONLINE.updateEvent(guild, user, serializer));
        }
    }

    /**
     * The ladder, then the registration fenced against kick and ban drops: the fence is read before the check, so a
     * removal committed after the check either finds the subscription registered (its drop removes it) or moves the
     * fence first (the registration is refused and the check runs again, now failing). A spurious move only costs
     * one more check.
     */
    private Registration checkAndRegister(GatewayCaller caller, GuildId guild, ChannelId channel) {
        UserId user = caller.user();
        for (int attempt = 1; ; attempt++) {
            long fence = connections.dropFence(user, guild);
            long stamp = revalidations.stamp(guild); // read before the check: see SubscriptionRevalidations
            ladder.screen(user, guild, caller.clientIp(), IpBanSurface.GATEWAY_SUBSCRIBE);
            unitOfWork.read(() -> ladder.channel(ladder.guild(user, guild), channel)
                    .require(Permission.CREATE_MESSAGE));
            SubscribeOutcome outcome = connections.subscribe(caller.connection(), guild, channel, fence);
            if (outcome.kind() != SubscribeOutcome.Kind.FENCED) {
                return new Registration(outcome, stamp);
            }
            if (attempt == MAX_FENCED_ATTEMPTS) {
                throw ForbiddenException.because("removed from the guild while subscribing");
            }
        }
    }

    private static final int MAX_FENCED_ATTEMPTS = 3;

    private record Registration(SubscribeOutcome outcome, long revalidationStamp) {
    }

    @Override
    public void createMessage(GatewayCaller caller, GuildId guild, ChannelId channel, String content,
                              List<String> attachmentIds) {
        // the rules of POST .../messages, attachment_ids included; the sender gets the message_create event
        messages.create(new CreateMessageCommand(caller.user(), caller.clientIp(),
                IpBanSurface.GATEWAY_MESSAGE_CREATE, guild, channel, content, attachmentIds));
    }

    // subscribed, presence_sync, voice_participant_sync: in this order, to this connection only (SPEC 9.4)
    private void sendInitialState(GatewayCaller caller, GuildId guild, ChannelId channel) {
        GatewayEvent.Scope self = GatewayEvent.Scope.connection(caller.connection());
        publisher.publish(GatewayEvent.of(ConnectionEvent.Subscribed.of(guild, channel), self, serializer));
        publisher.publish(GatewayEvent.of(ConnectionEvent.PresenceSync.of(guild, connections.onlineUsers(guild)),
                self, serializer));

        publisher.publish(voiceSync.syncFor(caller.connection(), guild, channel));
    }
}
