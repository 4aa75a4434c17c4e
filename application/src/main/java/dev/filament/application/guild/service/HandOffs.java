package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.guild.port.out.HandOffFailures;
import dev.filament.application.guild.port.out.VoiceRemovals;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.GuildEvent;
import dev.filament.application.wire.ServerEvent;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/**
 * The post-commit hand-offs of the guild routes (SPEC 1.11 W3): each is non-blocking, runs only after the final
 * commit, and a failure is reported to {@link HandOffFailures} instead of changing the response.
 */
public final class HandOffs {
    private final GatewayEventPublisher gateway;
    private final EventSerializer serializer;
    private final GuildRevalidation revalidation;
    private final VoiceRemovals voice;
    private final HandOffFailures failures;

    public HandOffs(GatewayEventPublisher gateway, EventSerializer serializer, GuildRevalidation revalidation,
                    VoiceRemovals voice, HandOffFailures failures) {
        this.gateway = gateway;
        this.serializer = serializer;
        this.revalidation = revalidation;
        this.voice = voice;
        this.failures = failures;
    }

    /** Serializes the typed event once and publishes it. */
    public void publish(ServerEvent event, GatewayEvent.Scope scope) {
        guarded("gateway.publish", () -> gateway.publish(GatewayEvent.of(event, scope, serializer)));
    }

    /** Publishes the typed event to guild scope. */
    public void publishToGuild(GuildId guild, GuildEvent event) {
        publish(event, GatewayEvent.Scope.guild(guild));
    }

    public void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        guarded("gateway.drop_subscriptions", () -> gateway.dropSubscriptions(user, guild, reason));
    }

    /** Revalidation of the guild's subscriptions (SPEC 9.10) and voice re-evaluation (SPEC 11.5), in that order. */
    public void revalidate(GuildId guild) {
        guarded("guild.revalidation", () -> revalidation.enqueue(guild));
        guarded("voice.reevaluate", () -> voice.reevaluate(guild));
    }

    public void removeFromVoice(UserId user, GuildId guild) {
        guarded("voice.remove", () -> voice.removeFromGuild(user, guild));
    }

    /** Runs {@code work}, reporting instead of propagating a failure. */
    public void guarded(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            report(name, e);
        }
    }

    private void report(String name, RuntimeException e) {
        try {
            failures.failed(name, e);
        } catch (RuntimeException ignored) {
            // The failure sink must never turn a committed request into an error.
        }
    }
}
