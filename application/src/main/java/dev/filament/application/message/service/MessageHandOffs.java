package dev.filament.application.message.service;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import java.time.Instant;
import java.util.Map;

/**
 * The post-commit hand-offs of the message routes (SPEC 1.11 W3, 8.1, 9.5, 10.2.2): the channel-scope event, then the
 * indexer wake-up. Each goes through {@link HandOffs#guarded}, so a failure is reported and never reaches the caller;
 * their durations are the {@code fanout} and {@code search_enqueue} phases of SPEC 14.3.
 */
public final class MessageHandOffs {
    static final String WAKE = "search.wake";

    private final HandOffs handOffs;
    private final SearchIndexQueue searchQueue;
    private final RequestTimings timings;

    public MessageHandOffs(HandOffs handOffs, SearchIndexQueue searchQueue, RequestTimings timings) {
        this.handOffs = handOffs;
        this.searchQueue = searchQueue;
        this.timings = timings;
    }

    /** {@code message_create} with the full {@code MessageResponse}, then a wake-up. */
    public void created(MessageView view) {
        publish("message_create", view.message(), view.toWire());
        wakeIndexer();
    }

    /** {@code message_update} with the new content and tokens, stamped with {@code edited_at}, then a wake-up. */
    public void edited(MessageView view) {
        Message m = view.message();
        publish("message_update", m, Wire.object()
                .put("guild_id", m.guildId().value()).put("channel_id", m.channelId().value())
                .put("message_id", m.id().value())
                .put("updated_fields", Wire.object().put("content", m.content().value())
                        .put("markdown_tokens", view.tokensWire()).build())
                .put("updated_at_unix", Wire.unix(m.editedAt().orElse(m.createdAt()))).build());
        wakeIndexer();
    }

    /** {@code message_delete}; no wake-up, the delete already removed the search document. */
    public void deleted(Message m, Instant at) {
        publish("message_delete", m, Wire.object()
                .put("guild_id", m.guildId().value()).put("channel_id", m.channelId().value())
                .put("message_id", m.id().value()).put("deleted_at_unix", Wire.unix(at)).build());
    }

    /** Signals the search indexer after a message write. */
    private void wakeIndexer() {
        timings.time(RequestTimings.Phase.SEARCH_ENQUEUE, () -> handOffs.guarded(WAKE, searchQueue::wake));
    }

    /** To channel scope: the connections subscribed to the message's (guild, channel). */
    private void publish(String type, Message m, Map<String, ?> d) {
        timings.time(RequestTimings.Phase.FANOUT,
                () -> handOffs.publish(type, GatewayEvent.Scope.channel(m.guildId(), m.channelId()), d));
    }
}
