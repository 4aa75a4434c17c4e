package dev.filament.application.message;

import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.search.CountingSearchIndexQueue;
import dev.filament.application.search.InMemorySearchDatabase;
import dev.filament.application.search.InMemorySearchIndexStore;
import dev.filament.application.search.InMemorySearchOutbox;
import dev.filament.application.search.InMemorySearchQuery;
import dev.filament.application.search.OutboxEntry;
import dev.filament.application.search.SearchIndexQueue;
import dev.filament.application.search.SearchQueryPort;
import dev.filament.application.search.usecase.SearchUseCases;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The message and search use cases wired as bootstrap would ({@link MessageUseCases#kit}, {@link SearchUseCases}),
 * over the guild fixture's in-memory tables, the search fakes (sharing one messages table with the message fake), a
 * counting wake-up queue that can be told to throw, and the guild fixture's {@link RecordingHandOffPorts} as publisher
 * (it sees whether a transaction was open at each hand-off and can be told to throw). Event payload maps are kept by
 * a {@link RecordingPayloadSerializer}.
 */
public final class MessageFixture {
    public final GuildFixture guilds;
    public final RecordingHandOffPorts handOffs;
    public final RecordingPayloadSerializer payloads = new RecordingPayloadSerializer();
    public final InMemorySearchDatabase searchTables;
    public final InMemorySearchIndexStore indexer;
    public final InMemoryMessageRepository messages;
    public final CountingSearchIndexQueue wakes = new CountingSearchIndexQueue();
    public final ParagraphTokenizer markdown = new ParagraphTokenizer();
    public final MessageKit kit;
    public final MessageUseCases useCases;
    public final SearchUseCases search;
    private final AtomicBoolean failWakes = new AtomicBoolean();

    public MessageFixture() {
        this(GuildSettings.defaults(), null);
    }

    /**
     * @param settings the guild settings (e.g. with a server owner)
     * @param index    the search query port; null for the in-memory one over {@link #searchTables}
     */
    public MessageFixture(GuildSettings settings, SearchQueryPort index) {
        guilds = new GuildFixture(settings);
        handOffs = guilds.handOffs;
        searchTables = new InMemorySearchDatabase(guilds.clock);
        indexer = new InMemorySearchIndexStore(searchTables);
        messages = new InMemoryMessageRepository(searchTables);
        HandOffs h = new HandOffs(handOffs, payloads, handOffs, handOffs, handOffs);
        GuildGraph graph = new GuildGraph(guilds.store, guilds.settings, guilds.ids, guilds.clock, h, guilds.throttle);
        SearchIndexQueue queue = () -> {
            if (failWakes.get()) {
                throw new IllegalStateException("wake failure for the test");
            }
            wakes.wake();
        };
        kit = MessageUseCases.kit(graph.tx(), guilds.store.channels(), graph.ladder(), graph.audits(),
                graph.handOffs(), guilds.ids, guilds.clock, messages, new InMemorySearchOutbox(searchTables), queue,
                markdown);
        useCases = MessageUseCases.create(kit);
        search = SearchUseCases.create(kit, index == null ? new InMemorySearchQuery(searchTables) : index);
    }

    /** From now on {@code wake()} throws (after the real queue would have accepted nothing). */
    public void failWakes() {
        failWakes.set(true);
    }

    public UserId newUser() {
        return guilds.newUser();
    }

    public Guild newGuild(UserId owner) {
        return guilds.newGuild(owner);
    }

    public UserId newMember(GuildId guild, SystemRoleKey... roles) {
        return guilds.newMember(guild, roles);
    }

    public Channel newChannel(GuildId guild) {
        return guilds.newChannel(guild);
    }

    /** Channel override for one member: {@code deny} taken away in that channel only. */
    public void denyInChannel(GuildId guild, ChannelId channel, UserId user, Permission... deny) {
        guilds.store.tx(() -> {
            guilds.store.channels().upsertOverride(guild, channel,
                    ChannelOverride.forMember(user, PermissionSet.NONE, PermissionSet.of(deny)), guilds.clock.instant());
            return null;
        });
    }

    /** An active IP ban of {@code cidr} in the guild. */
    public void ipBan(GuildId guild, UserId by, String cidr) {
        guilds.store.tx(() -> {
            guilds.store.ipBans().insertAll(List.of(new IpBan(guilds.ids.newIpBanId(), guild,
                    Cidr.parse(cidr).orElseThrow(), Optional.empty(), "", by, guilds.clock.instant(),
                    Optional.empty())));
            return null;
        });
    }

    /** The guild's search outbox rows, oldest first. */
    public List<OutboxEntry> outbox(GuildId guild) {
        return searchTables.outboxRows(guild);
    }

    /** Runs the in-memory indexer until nothing is due. */
    public void indexAll() {
        while (indexer.indexDueUpserts().rows() > 0 || indexer.rebuildNextBatch().rows() > 0) {
            // keep going: each call handles one batch
        }
    }

    /** A cheap fingerprint of every table the message use cases write, to prove a failure wrote nothing. */
    public String fingerprint() {
        return guilds.db.fingerprint() + "|" + messages.count() + "|" + indexer.backlog().rows();
    }
}
