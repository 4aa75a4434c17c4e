package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.AUDIT_LOGS;
import static dev.filament.postgres.jooq.Tables.MESSAGES;
import static dev.filament.postgres.jooq.Tables.SEARCH_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByLegacyRole;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.UpsertChannelOverrideCommand;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.port.in.EditMessageUseCase.EditMessageCommand;
import dev.filament.application.message.port.in.ListMessagesUseCase.ListMessagesQuery;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.MessageView;
import dev.filament.application.search.port.out.ReconcileResult;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.application.search.port.in.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.application.search.port.in.SearchMessagesUseCase.SearchMessagesQuery;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.search.JooqSearchOutbox;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message and search use cases end to end over the jOOQ adapters, and SPEC 1.11 W1: a message and its outbox row
 * commit together or not at all.
 */
@ExtendWith(PostgresExtension.class)
class MessageUseCasesOverPostgresTest {
    private final TestDatabase db;
    private final MessageWorld w;
    private final UserId owner;
    private final UserId member;
    private final UserId moderator;
    private final Guild guild;
    private final Channel channel;

    MessageUseCasesOverPostgresTest(TestDatabase db) {
        this.db = db;
        w = new MessageWorld(db);
        owner = w.user();
        member = w.user();
        moderator = w.user();
        guild = w.guilds.createGuild().create(new CreateGuildCommand(owner, "messages", Optional.empty()));
        channel = w.guilds.createChannel().create(new CreateChannelCommand(owner, MessageWorld.IP, guild.id(),
                "general", Optional.empty()));
        w.guilds.addMember().add(new MemberCommand(owner, guild.id(), member));
        w.guilds.addMember().add(new MemberCommand(owner, guild.id(), moderator));
        w.store.unitOfWork().run(() -> w.store.roles().assign(guild.id(), w.store.roles().listOf(guild.id()).stream()
                .filter(r -> r.is(SystemRoleKey.MODERATOR)).findFirst().orElseThrow().id(), moderator,
                w.clock.instant()));
    }

    private MessageView post(MessageWorld world, UserId user, String content) {
        return world.useCases.create().create(CreateMessageCommand.rest(user, MessageWorld.IP, guild.id(),
                channel.id(), content, List.of()));
    }

    private List<MessageId> search(UserId user, String q) {
        return w.search.search().search(SearchMessagesQuery.parse(user, MessageWorld.IP, guild.id(), Optional.of(q),
                OptionalInt.empty(), Optional.empty())).stream().map(v -> v.message().id()).toList();
    }

    private int rows(MessageId id) {
        return w.unitOfWork.dsl().fetchCount(MESSAGES, MESSAGES.MESSAGE_ID.eq(id.value()));
    }

    @Test
    void postEditSearchAndDeleteEndToEnd() {
        Message posted = post(w, member, "quarterly rocket report").message();
        assertThat(w.outbox(guild.id())).containsExactly("upsert:" + posted.id());
        w.index();
        assertThat(search(member, "rocket")).containsExactly(posted.id());

        MessageView edited = w.useCases.edit().edit(new EditMessageCommand(moderator, MessageWorld.IP, guild.id(),
                channel.id(), posted.id(), "quarterly balloon report"));
        assertThat(edited.message().revision()).isEqualTo(1);
        assertThat(w.unitOfWork.dsl().selectFrom(AUDIT_LOGS).where(AUDIT_LOGS.GUILD_ID.eq(guild.id().value()))
                .fetch(r -> r.getAction() + ">" + r.getTargetUserId()))
                .containsExactly("message.edit.moderation>" + member);
        w.index();
        assertThat(search(member, "rocket")).isEmpty();
        assertThat(search(member, "ball*")).containsExactly(posted.id());

        w.useCases.delete().delete(new DeleteMessageCommand(member, MessageWorld.IP, guild.id(), channel.id(),
                posted.id()));
        assertThat(rows(posted.id())).isZero();
        assertThat(w.unitOfWork.dsl().fetchCount(SEARCH_DOCUMENTS, SEARCH_DOCUMENTS.MESSAGE_ID.eq(posted.id().value())))
                .isZero();
        assertThat(search(member, "balloon")).isEmpty();
        assertThat(w.gateway.events()).extracting(e -> e.type()).filteredOn(t -> t.startsWith("message_"))
                .containsExactly("message_create", "message_update", "message_delete");
        assertThat(w.wakes.wakes()).isEqualTo(2);
    }

    @Test
    void listingPagesNewestFirstOverTheIndex() {
        List<MessageId> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(post(w, member, "m" + i).message().id());
        }
        var first = w.useCases.list().list(ListMessagesQuery.parse(member, MessageWorld.IP, guild.id(), channel.id(),
                Optional.empty(), OptionalInt.of(4)));
        var second = w.useCases.list().list(ListMessagesQuery.parse(member, MessageWorld.IP, guild.id(), channel.id(),
                first.nextCursor(), OptionalInt.of(4)));
        assertThat(first.items()).extracting(v -> v.message().id()).containsExactlyElementsOf(
                posted.reversed().subList(0, 4));
        assertThat(second.items()).extracting(v -> v.message().id()).containsExactlyElementsOf(
                posted.reversed().subList(4, 7));
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void aFailureAfterTheInsertInsideTheTransactionLeavesNeitherMessageNorOutboxRow() {
        // the outbox writes its row, then the statement "times out": the whole transaction must roll back
        MessageWorld failing = new MessageWorld(db, real -> new FailingAfterWrite(real));

        assertThatThrownBy(() -> post(failing, member, "never committed")).isInstanceOf(IllegalStateException.class);

        assertThat(w.unitOfWork.dsl().fetchCount(MESSAGES, MESSAGES.GUILD_ID.eq(guild.id().value()))).isZero();
        assertThat(w.outbox(guild.id())).isEmpty();
        assertThat(failing.gateway.events()).isEmpty();
        assertThat(failing.wakes.wakes()).isZero();
    }

    @Test
    void messageRowAndOutboxRowRollBackTogetherInsideOneUnitOfWork() {
        Message m = Message.post(w.ids.newMessageId(), guild.id(), channel.id(), member,
                MessageContent.of("x"), w.clock.instant());
        SearchOutbox outbox = new JooqSearchOutbox(w.unitOfWork, w.clock);

        assertThatThrownBy(() -> w.unitOfWork.run(() -> {
            w.messages.insert(m);
            outbox.enqueueUpsert(guild.id(), m.id());
            throw new IllegalStateException("use case failed after writing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows(m.id())).isZero();
        assertThat(w.outbox(guild.id())).isEmpty();

        w.unitOfWork.run(() -> {
            w.messages.insert(m);
            outbox.enqueueUpsert(guild.id(), m.id());
        });
        assertThat(rows(m.id())).isEqualTo(1);
        assertThat(w.outbox(guild.id())).containsExactly("upsert:" + m.id());
    }

    @Test
    void searchFiltersByChannelPermissionAndReconcileRepairs() {
        Channel secret = w.guilds.createChannel().create(new CreateChannelCommand(owner, MessageWorld.IP, guild.id(),
                "secret", Optional.empty()));
        w.guilds.upsertChannelOverride().upsert(new UpsertChannelOverrideCommand(owner, MessageWorld.IP, guild.id(),
                secret.id(), new ByLegacyRole(LegacyRole.MEMBER), PermissionSet.NONE,
                PermissionSet.of(Permission.CREATE_MESSAGE)));
        MessageId open = post(w, member, "zebra crossing").message().id();
        MessageId hidden = w.useCases.create().create(CreateMessageCommand.rest(owner, MessageWorld.IP, guild.id(),
                secret.id(), "zebra secret", List.of())).message().id();
        w.index();

        assertThat(search(member, "zebra")).containsExactly(open);
        assertThat(search(owner, "zebra")).containsExactlyInAnyOrder(open, hidden);

        GuildSearchCommand asOwner = new GuildSearchCommand(owner, MessageWorld.IP, guild.id());
        assertThat(w.search.reconcile().reconcile(asOwner)).isEqualTo(new ReconcileResult(0, 0));
        assertThatThrownBy(() -> w.search.reconcile().reconcile(new GuildSearchCommand(moderator, MessageWorld.IP,
                guild.id()))).isInstanceOf(ForbiddenException.class);
        w.search.rebuild().rebuild(asOwner);
        w.search.rebuild().rebuild(asOwner);
        assertThat(w.outbox(guild.id())).containsExactly("rebuild:null");
    }

    @Test
    void concurrentEditsOfOneMessageNeverLoseARevision() throws Exception {
        MessageId id = post(w, member, "v0").message().id();
        int perThread = 5;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> editors = new ArrayList<>();
            for (UserId editor : List.of(member, moderator)) {
                editors.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        w.useCases.edit().edit(new EditMessageCommand(editor, MessageWorld.IP, guild.id(),
                                channel.id(), id, editor + " " + i));
                    }
                }));
            }
            for (Future<?> editor : editors) {
                editor.get(20, TimeUnit.SECONDS);
            }
        }
        Message stored = w.store.unitOfWork().inTransaction(() -> w.messages.find(channel.id(), id)).orElseThrow();
        assertThat(stored.revision()).isEqualTo(2 * perThread);
        assertThat(w.outbox(guild.id())).hasSize(1 + 2 * perThread);
    }

    /** A search outbox whose upsert writes its row and then fails, like a statement that times out afterwards. */
    private record FailingAfterWrite(SearchOutbox real) implements SearchOutbox {
        @Override
        public void enqueueUpsert(GuildId guild, MessageId message) {
            real.enqueueUpsert(guild, message);
            throw new IllegalStateException("failure after the outbox insert");
        }

        @Override
        public void deleteDocument(MessageId message) {
            real.deleteDocument(message);
        }

        @Override
        public boolean enqueueRebuild(GuildId guild) {
            return real.enqueueRebuild(guild);
        }

        @Override
        public ReconcileResult reconcile(GuildId guild) {
            return real.reconcile(guild);
        }
    }
}
