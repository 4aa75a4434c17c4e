package dev.filament.application.search.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.service.MessageFixture;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.message.MessageView;
import dev.filament.application.search.port.out.OutboxEntry;
import dev.filament.application.search.port.out.ReconcileResult;
import dev.filament.application.search.port.out.SearchCriteria;
import dev.filament.application.search.port.out.SearchQueryPort;
import dev.filament.application.search.port.in.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.application.search.port.in.SearchMessagesUseCase.SearchMessagesQuery;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.application.search.port.out.InMemorySearchQuery;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** SPEC 10.1 and 10.3 over the in-memory index: permission filter, order, validation, rebuild and reconcile. */
class SearchServicesTest {
    /** The index answers what the test sets, whatever the criteria; null means "ask the in-memory index". */
    private final AtomicReference<List<MessageId>> scripted = new AtomicReference<>();
    private final AtomicReference<SearchCriteria> asked = new AtomicReference<>();
    private final AtomicReference<MessageFixture> fixture = new AtomicReference<>();
    private final SearchQueryPort index = criteria -> {
        asked.set(criteria);
        if (scripted.get() != null) {
            return scripted.get();
        }
        return new InMemorySearchQuery(fixture.get().searchTables).find(criteria);
    };
    private final MessageFixture f = init(new MessageFixture(GuildSettings.defaults(), index));
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel open = f.newChannel(guild.id());
    private final Channel hidden = f.newChannel(guild.id());
    private final UserId member = f.newMember(guild.id());
    private final UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);

    private MessageFixture init(MessageFixture created) {
        fixture.set(created);
        return created;
    }

    private MessageId post(Channel in, String content) {
        return f.useCases.create().create(CreateMessageCommand.rest(owner, GuildFixture.IP, guild.id(), in.id(),
                content, List.of())).message().id();
    }

    private List<MessageId> search(UserId user, String q, Optional<ChannelId> channel) {
        List<MessageView> found = f.search.search().search(SearchMessagesQuery.parse(user, GuildFixture.IP,
                guild.id(), Optional.of(q), OptionalInt.empty(), channel.map(ChannelId::value)));
        return found.stream().map(v -> v.message().id()).toList();
    }

    private void hideFromMember() {
        f.denyInChannel(guild.id(), hidden.id(), member, Permission.CREATE_MESSAGE);
    }

    @Test
    void resultsComeOnlyFromChannelsTheCallerCanRead() {
        MessageId visible = post(open, "launch plans");
        MessageId secret = post(hidden, "launch plans secret");
        hideFromMember();
        f.indexAll();

        assertThat(search(owner, "launch", Optional.empty())).containsExactlyInAnyOrder(visible, secret);
        assertThat(search(member, "launch", Optional.empty())).containsExactly(visible);
        assertThat(asked.get().readableChannels()).containsExactly(open.id());
        assertThat(search(member, "secret", Optional.empty())).isEmpty();
    }

    @Test
    void aMessageOfAnUnreadableChannelIsDroppedEvenWhenTheIndexReturnsIt() {
        MessageId visible = post(open, "a");
        MessageId secret = post(hidden, "b");
        hideFromMember();
        scripted.set(List.of(secret, visible));

        assertThat(search(member, "anything", Optional.empty())).containsExactly(visible);
    }

    @Test
    void resultsKeepTheIndexOrderAndOmitMessagesDeletedAfterTheMatch() {
        MessageId a = post(open, "a");
        MessageId b = post(open, "b");
        MessageId gone = post(open, "c");
        f.useCases.delete().delete(new DeleteMessageCommand(owner, GuildFixture.IP, guild.id(), open.id(), gone));
        scripted.set(List.of(b, gone, a));

        List<MessageView> found = f.search.search().search(SearchMessagesQuery.parse(member, GuildFixture.IP,
                guild.id(), Optional.of("x"), OptionalInt.of(3), Optional.empty()));

        assertThat(found).extracting(v -> v.message().id()).containsExactly(b, a);
        assertThat(found.get(0).markdownTokens()).isEqualTo(f.markdown.tokenize("b"));
    }

    @Test
    void equalRanksComeNewestFirst() {
        List<MessageId> posted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            posted.add(post(open, "same words"));
        }
        f.indexAll();
        assertThat(search(member, "words", Optional.empty())).containsExactlyElementsOf(posted.reversed());
    }

    @Test
    void withChannelIdTheChannelMustExistAndBeReadable() {
        MessageId inOpen = post(open, "topic");
        post(hidden, "topic");
        hideFromMember();
        f.indexAll();

        assertThat(search(owner, "topic", Optional.of(open.id()))).containsExactly(inOpen);
        assertThatThrownBy(() -> search(member, "topic", Optional.of(hidden.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> search(member, "topic", Optional.of(f.guilds.ids.newChannelId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void queryValidationRejectsEveryBrokenRuleWith400() {
        List<String> bad = List.of("", "   ", "x".repeat(257), "a ".repeat(21), "a* b? c* d? e*", "a~ b~ c~",
                "from:me", "nul\u0000");
        for (String q : bad) {
            assertThatThrownBy(() -> SearchMessagesQuery.parse(member, GuildFixture.IP, guild.id(), Optional.of(q),
                    OptionalInt.empty(), Optional.empty())).as(q).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> SearchMessagesQuery.parse(member, GuildFixture.IP, guild.id(), Optional.empty(),
                OptionalInt.empty(), Optional.empty())).isInstanceOf(InvalidRequestException.class);
        for (int limit : new int[] {0, 51}) {
            assertThatThrownBy(() -> SearchMessagesQuery.parse(member, GuildFixture.IP, guild.id(), Optional.of("ok"),
                    OptionalInt.of(limit), Optional.empty())).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> SearchMessagesQuery.parse(member, GuildFixture.IP, guild.id(), Optional.of("ok"),
                OptionalInt.empty(), Optional.of("nope"))).isInstanceOf(InvalidRequestException.class);
        SearchMessagesQuery fine = SearchMessagesQuery.parse(member, GuildFixture.IP, guild.id(),
                Optional.of("x".repeat(256)), OptionalInt.empty(), Optional.empty());
        assertThat(fine.limit()).isEqualTo(20);
    }

    @Test
    void aQueryWithoutLexemesFindsNothingButStillRunsTheLadder() {
        post(open, "words");
        f.indexAll();
        assertThat(search(member, "!! ??", Optional.empty())).isEmpty();
        assertThatThrownBy(() -> search(f.newUser(), "!!", Optional.empty())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void guildAndIpBanStepsApply() {
        assertThatThrownBy(() -> f.search.search().search(SearchMessagesQuery.parse(member, GuildFixture.IP,
                f.guilds.ids.newGuildId(), Optional.of("x"), OptionalInt.empty(), Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        f.ipBan(guild.id(), owner, "203.0.113.0/24");
        assertThatThrownBy(() -> search(member, "x", Optional.empty())).isInstanceOf(ForbiddenException.class);
        assertThat(asked.get()).as("the index is never asked").isNull();
        assertThat(f.guilds.db.auditRows()).singleElement()
                .satisfies(e -> assertThat(e.details())
                        .isEqualTo(new AuditDetails.IpBanHit("search.messages", "peer")));
    }

    @Test
    void aQueryTimeoutIsUnavailable() {
        MessageFixture timingOut = new MessageFixture(GuildSettings.defaults(), c -> {
            throw UnavailableException.dependency("statement_timeout");
        });
        UserId u = timingOut.newUser();
        Guild g = timingOut.newGuild(u);
        assertThatThrownBy(() -> timingOut.search.search().search(SearchMessagesQuery.parse(u, GuildFixture.IP,
                g.id(), Optional.of("x"), OptionalInt.empty(), Optional.empty())))
                .isInstanceOf(UnavailableException.class)
                .satisfies(e -> assertThat(((FilamentException) e).code()).isEqualTo("unavailable"));
    }

    private GuildSearchCommand command(UserId user) {
        return new GuildSearchCommand(user, GuildFixture.IP, guild.id());
    }

    @Test
    void rebuildQueuesOneRowPerGuildAndWakesTheIndexerOnlyWhenItQueued() {
        f.search.rebuild().rebuild(command(owner));
        f.search.rebuild().rebuild(command(owner));

        assertThat(f.outbox(guild.id())).singleElement()
                .satisfies(row -> assertThat(row.op()).isEqualTo(OutboxEntry.REBUILD));
        assertThat(f.wakes.wakes()).isEqualTo(1);
        assertThat(f.handOffs.events()).isEmpty();
    }

    @Test
    void rebuildAndReconcileNeedManageWorkspaceRoles() {
        for (UserId user : List.of(member, moderator, f.newUser())) {
            assertThatThrownBy(() -> f.search.rebuild().rebuild(command(user))).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> f.search.reconcile().reconcile(command(user)))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> f.search.rebuild().rebuild(new GuildSearchCommand(owner, GuildFixture.IP,
                f.guilds.ids.newGuildId()))).isInstanceOf(NotFoundException.class);
        assertThat(f.outbox(guild.id())).isEmpty();
        assertThat(f.wakes.wakes()).isZero();
    }

    @Test
    void rebuildAndReconcileRespectIpBansWithTheirOwnSurfaces() {
        f.ipBan(guild.id(), owner, "203.0.113.7/32");
        assertThatThrownBy(() -> f.search.rebuild().rebuild(command(owner))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.search.reconcile().reconcile(command(owner)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.guilds.db.auditRows()).extracting(e -> ((AuditDetails.IpBanHit) e.details()).surface())
                .containsExactly("search.rebuild", "search.reconcile");
    }

    @Test
    void reconcileReportsWhatItRepairedAndWakesOnlyForUpserts() {
        MessageId kept = post(open, "kept");
        f.indexAll();
        long wakes = f.wakes.wakes();
        assertThat(f.search.reconcile().reconcile(command(owner))).isEqualTo(new ReconcileResult(0, 0));
        assertThat(f.wakes.wakes()).isEqualTo(wakes);

        f.searchTables.putMessage(f.guilds.ids.newMessageId(), guild.id(), open.id(), "written behind our back");
        ReconcileResult result = f.search.reconcile().reconcile(command(owner));

        assertThat(result).isEqualTo(new ReconcileResult(1, 0));
        assertThat(f.wakes.wakes()).isEqualTo(wakes + 1);
        assertThat(f.searchTables.documentRevision(kept)).contains(0);
    }
}
