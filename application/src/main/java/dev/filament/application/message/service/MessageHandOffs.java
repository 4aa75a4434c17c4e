package dev.filament.application.message.service;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.Reaction;
import dev.filament.domain.message.MessageView;
import java.time.Instant;

/**
 * The post-commit hand-offs of the message routes (SPEC 1.11 W3, 8.1, 9.5, 10.2.2): the channel-scope event, then the
 * indexer wake-up. Each goes through {@link HandOffs#guarded}, so a failure is reported and never reaches the caller;
 * their durations are the {@code fanout} and {@code search_enqueue} phases of SPEC 14.3.
 */
public final class MessageHandOffs {
    static final String WAKE = "search.wake";
    static final String COLLECT = "blob.collector.wake";

    private final HandOffs handOffs;
    private final SearchIndexQueue searchQueue;
    private final BlobCollectorQueue collector;
    private final RequestTimings timings;

    /** @param collector woken after a message delete, which queued its attachments' blobs */
    public MessageHandOffs(HandOffs handOffs, SearchIndexQueue searchQueue, BlobCollectorQueue collector,
                           RequestTimings timings) {
        this.handOffs = handOffs;
        this.searchQueue = searchQueue;
        this.collector = collector;
        this.timings = timings;
    }

    /** {@code message_create} with the full {@code MessageResponse}, then a wake-up. */
    public void created(MessageView view) {
        publish(ChannelEvent.MessageCreate.of(view), view.message());
        wakeIndexer();
    }

    /** {@code message_update} with the new content and tokens, stamped with {@code edited_at}, then a wake-up. */
    public void edited(MessageView view) {
        publish(ChannelEvent.MessageUpdate.of(view.message(), view.markdownTokens()), view.message());
        wakeIndexer();
    }

    /**
     * {@code message_delete}, then the blob collector's wake-up (the delete queued the files of its attachments); no
     * indexer wake-up, the delete already removed the search document.
     */
    public void deleted(Message m, Instant at) {
        publish(ChannelEvent.MessageDelete.of(m, at), m);
        handOffs.guarded(COLLECT, collector::wake);
    }

    /**
     * {@code message_reaction} after a reaction row was inserted or deleted; no wake-up, reactions are not indexed.
     */
    public void reacted(Message m, Reaction reaction, boolean added, UserId actor) {
        publish(ChannelEvent.MessageReaction.of(m, reaction, added, actor), m);
    }

    /** Signals the search indexer after a message write. */
    private void wakeIndexer() {
        timings.time(RequestTimings.Phase.SEARCH_ENQUEUE, () -> handOffs.guarded(WAKE, searchQueue::wake));
    }

    /** To channel scope: the connections subscribed to the message's (guild, channel). */
    private void publish(ChannelEvent event, Message m) {
        timings.time(RequestTimings.Phase.FANOUT,
                () -> handOffs.publish(event, GatewayEvent.Scope.channel(m.guildId(), m.channelId())));
    }
}
