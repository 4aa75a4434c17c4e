package dev.filament.application.message.service;

import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.search.port.out.CountingSearchIndexQueue;
import dev.filament.application.search.port.out.InMemorySearchDatabase;
import dev.filament.application.search.port.out.InMemorySearchIndexStore;
import dev.filament.application.search.port.out.InMemorySearchOutbox;
import dev.filament.application.search.port.out.InMemorySearchQuery;
import dev.filament.application.search.port.out.OutboxEntry;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.search.port.out.SearchQueryPort;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.markdown.port.out.ParagraphTokenizer;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.message.port.in.DeleteMessageUseCase;
import dev.filament.application.message.port.in.EditMessageUseCase;
import dev.filament.application.message.port.in.ListMessagesUseCase;
import dev.filament.application.message.port.in.ReactToMessageUseCase;
import dev.filament.application.message.port.in.DeleteAttachmentUseCase;
import dev.filament.application.message.port.in.ReadAttachmentUseCase;
import dev.filament.application.message.port.in.UploadAttachmentUseCase;
import dev.filament.application.blob.fakes.InMemoryBlobGc;
import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.fakes.InMemoryMimeSniffer;
import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.message.port.out.InMemoryMessageRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.in.RebuildSearchUseCase;
import dev.filament.application.search.port.in.ReconcileSearchUseCase;
import dev.filament.application.search.port.in.SearchMessagesUseCase;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.application.search.service.IndexerWakeUp;
import dev.filament.application.search.service.RebuildSearchService;
import dev.filament.application.search.service.ReconcileSearchService;
import dev.filament.application.search.service.SearchMessagesService;
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
import java.util.concurrent.atomic.AtomicInteger;
import dev.filament.application.shared.RateLimiter;

/**
 * The message and search services wired by constructor as bootstrap does, over the guild fixture's in-memory
 * tables, the search fakes (sharing one messages table with the message fake), a counting wake-up queue that can be
 * told to throw, and the guild fixture's {@link RecordingHandOffPorts} as publisher (it sees whether a transaction was open
 * at each hand-off and can be told to throw). Event payload maps are kept by a {@link RecordingPayloadSerializer}.
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
    public final AccessLadder ladder;
    public final MessageHandOffs messageHandOffs;
    public final Messages useCases;
    public final ReactToMessageUseCase react;
    public final InMemoryBlobStore blobs = new InMemoryBlobStore();
    public final InMemoryBlobGc blobGc = new InMemoryBlobGc();
    public final AtomicInteger collectorWakes = new AtomicInteger();
    public final Media media;
    public final Search search;
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
        guilds.unitOfWork.enlist(searchTables).enlist(messages).enlist(messages.reactions())
                .enlist(messages.attachments()).enlist(blobGc);
        messages.attachments().onDelete(key -> blobGc.schedule(BlobKey.parse(key).orElseThrow(),
                guilds.clock.instant()));
        HandOffs h = new HandOffs(handOffs, payloads, handOffs, handOffs, handOffs);
        GuildGraph graph = new GuildGraph(guilds.store, guilds.settings, guilds.ids, guilds.clock, h, guilds.throttle);
        Audits audits = graph.audits();
        AccessLadder ladder = graph.ladder();
        this.ladder = ladder;
        SearchIndexQueue queue = () -> {
            if (failWakes.get()) {
                throw new IllegalStateException("wake failure for the test");
            }
            wakes.wake();
        };
        UnitOfWork uow = guilds.store.unitOfWork();
        SearchOutbox outbox = new InMemorySearchOutbox(searchTables);
        RequestTimings timings = new RequestTimings();
        BlobCollectorQueue collector = collectorWakes::incrementAndGet;
        messageHandOffs = new MessageHandOffs(h, queue, collector, timings);
        useCases = new Messages(
                new CreateMessageService(ladder, uow, messages, messages.attachments(), outbox, markdown, messageHandOffs, guilds.ids,
                        guilds.clock),
                new ListMessagesService(ladder, uow, messages, markdown),
                new EditMessageService(ladder, uow, messages, outbox, markdown, audits, messageHandOffs,
                        guilds.clock),
                new DeleteMessageService(ladder, uow, messages, outbox, audits, messageHandOffs, guilds.clock));
        react = new ReactToMessageService(ladder, uow, messages, messages.reactions(), messageHandOffs,
                guilds.clock);
        media = new Media(new UploadAttachmentService(new RateLimiter(UploadAttachmentService.LIMIT, guilds.clock),
                ladder, uow, messages.attachments(),
                new BlobUploads(blobs, new InMemoryMimeSniffer(), blobGc, uow, guilds.clock), blobGc, blobs, h,
                guilds.ids, guilds.clock),
                new ReadAttachmentService(ladder, uow, messages.attachments()),
                new DeleteAttachmentService(ladder, uow, messages.attachments(), messages, audits, h, collector,
                        guilds.clock),
                new SweepUnboundAttachments(uow, messages.attachments(), collector, guilds.clock));
        IndexerWakeUp wakeUp = new IndexerWakeUp(h, queue, timings);
        search = new Search(new SearchMessagesService(ladder, uow, guilds.store.channels(), messages, markdown,
                index == null ? new InMemorySearchQuery(searchTables) : index),
                new RebuildSearchService(ladder, uow, outbox, wakeUp),
                new ReconcileSearchService(ladder, uow, outbox, wakeUp));
    }

    /** The message use cases. */
    public record Messages(CreateMessageUseCase create, ListMessagesUseCase list, EditMessageUseCase edit,
                           DeleteMessageUseCase delete) {
    }

    /** The attachment use cases and the sweeper. */
    public record Media(UploadAttachmentUseCase upload, ReadAttachmentUseCase read, DeleteAttachmentUseCase delete,
                        SweepUnboundAttachments sweeper) {
    }

    /** The search use cases. */
    public record Search(SearchMessagesUseCase search, RebuildSearchUseCase rebuild,
                         ReconcileSearchUseCase reconcile) {
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
        return guilds.db.fingerprint() + "|" + messages.count() + "|" + messages.reactions().count() + "|"
                + messages.attachments().count() + "|" + blobs.size() + "|" + blobGc.rows() + "|" + indexer.backlog().rows();
    }
}
