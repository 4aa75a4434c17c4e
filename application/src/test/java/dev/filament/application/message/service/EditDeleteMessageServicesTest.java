package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.port.in.EditMessageUseCase.EditMessageCommand;
import dev.filament.application.search.port.out.OutboxEntry;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import java.time.Duration;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.MessageResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC 8.1 {@code PATCH} and {@code DELETE .../messages/{m}}: author or {@code delete_message}, moderation audit. */
class EditDeleteMessageServicesTest {
    private final MessageFixture f = new MessageFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel channel = f.newChannel(guild.id());
    private final UserId author = f.newMember(guild.id());
    private final UserId bystander = f.newMember(guild.id());
    private final UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
    private Message message;

    @BeforeEach
    void postOne() {
        message = f.useCases.create().create(CreateMessageCommand.rest(author, GuildFixture.IP, guild.id(),
                channel.id(), "original", List.of())).message();
        f.handOffs.clear();
        f.guilds.clock.advance(Duration.ofSeconds(30));
    }

    private MessageView edit(UserId user, MessageId id, String content) {
        return f.useCases.edit().edit(new EditMessageCommand(user, GuildFixture.IP, guild.id(), channel.id(), id,
                content));
    }

    private void delete(UserId user, MessageId id) {
        f.useCases.delete().delete(new DeleteMessageCommand(user, GuildFixture.IP, guild.id(), channel.id(), id));
    }

    private Optional<Message> stored() {
        return f.guilds.store.tx(() -> f.messages.find(channel.id(), message.id()));
    }

    private List<AuditEntry> audits() {
        return f.guilds.db.auditRows();
    }

    private void rejected(Class<? extends RuntimeException> type, Runnable attempt) {
        String before = f.fingerprint();
        long wakes = f.wakes.wakes();
        Optional<Message> row = stored();
        int events = f.handOffs.events().size();
        assertThatThrownBy(attempt::run).isInstanceOf(type);
        assertThat(f.fingerprint()).isEqualTo(before);
        assertThat(stored()).isEqualTo(row);
        assertThat(f.handOffs.events()).hasSize(events);
        assertThat(f.wakes.wakes()).isEqualTo(wakes);
    }

    @Test
    void authorEdit_updatesTheRowQueuesAnUpsert_publishesMessageUpdateAfterCommit_withoutAudit() {
        MessageView view = edit(author, message.id(), "changed");

        Message m = view.message();
        assertThat(m.content().value()).isEqualTo("changed");
        assertThat(m.revision()).isEqualTo(1);
        assertThat(m.createdAt()).isEqualTo(message.createdAt());
        assertThat(m.editedAt()).contains(f.guilds.clock.instant());
        assertThat(stored()).contains(m);
        assertThat(f.outbox(guild.id())).extracting(OutboxEntry::message)
                .containsExactly(Optional.of(m.id()), Optional.of(m.id()));
        assertThat(audits()).isEmpty();
        assertThat(f.handOffs.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("message_update");
            assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.channel(guild.id(), channel.id()));
        });
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
        assertThat(f.wakes.wakes()).as("one per create, one per edit").isEqualTo(2);
        assertThat(MessageResponse.of(view.message(), view.markdownTokens()).editedAtUnix())
                .isEqualTo(f.guilds.clock.instant().getEpochSecond());
    }

    @Test
    void messageUpdatePayloadHasExactlyTheDocumentedKeys() {
        MessageView view = edit(author, message.id(), "changed");

        Map<String, ?> d = f.payloads.last();
        assertThat(d.keySet()).containsExactly("guild_id", "channel_id", "message_id", "updated_fields",
                "updated_at_unix");
        assertThat(d.get("guild_id")).isEqualTo(guild.id().value());
        assertThat(d.get("channel_id")).isEqualTo(channel.id().value());
        assertThat(d.get("message_id")).isEqualTo(message.id().value());
        assertThat(d.get("updated_at_unix")).isEqualTo(f.guilds.clock.instant().getEpochSecond());
        assertThat(d.get("updated_fields")).isEqualTo(Map.of("content", "changed",
                "markdown_tokens", List.of(Map.of("type", "paragraph_start"),
                        Map.of("type", "text", "text", "changed"), Map.of("type", "paragraph_end"))));
        assertThat(f.payloads.lastEvent()).isEqualTo(ChannelEvent.MessageUpdate.of(view.message(),
                view.markdownTokens()));
        assertThat(List.<Object>copyOf(((Map<?, ?>) d.get("updated_fields")).keySet()))
                .containsExactly("content", "markdown_tokens");
    }

    @Test
    void moderatorEditOfAnotherMembersMessageIsAuditedAgainstTheAuthor() {
        edit(moderator, message.id(), "moderated");

        assertThat(audits()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.MESSAGE_EDIT_MODERATION);
            assertThat(e.actor()).isEqualTo(moderator);
            assertThat(e.target()).contains(author);
            assertThat(e.guildId()).isEqualTo(guild.id());
            assertThat(e.details()).isEqualTo(new AuditDetails.MessageModerated(channel.id().value(),
                    message.id().value()));
        });
        assertThat(stored().orElseThrow().authorId()).as("the author stays the author").isEqualTo(author);
    }

    @Test
    void workspaceOwnerCanModerateToo() {
        edit(owner, message.id(), "by the owner");
        delete(owner, message.id());
        assertThat(audits()).extracting(AuditEntry::action).containsExactly(AuditAction.MESSAGE_EDIT_MODERATION,
                AuditAction.MESSAGE_DELETE_MODERATION);
    }

    @Test
    void nonAuthorWithoutDeleteMessageIsForbidden() {
        rejected(ForbiddenException.class, () -> edit(bystander, message.id(), "mine now"));
        rejected(ForbiddenException.class, () -> delete(bystander, message.id()));
        f.denyInChannel(guild.id(), channel.id(), moderator, Permission.DELETE_MESSAGE);
        rejected(ForbiddenException.class, () -> edit(moderator, message.id(), "x"));
        rejected(ForbiddenException.class, () -> delete(moderator, message.id()));
    }

    @Test
    void messageNotInTheChannelIsNotFound() {
        Channel other = f.newChannel(guild.id());
        rejected(NotFoundException.class, () -> edit(author, f.guilds.ids.newMessageId(), "x"));
        rejected(NotFoundException.class, () -> delete(author, f.guilds.ids.newMessageId()));
        rejected(NotFoundException.class, () -> f.useCases.edit().edit(new EditMessageCommand(author,
                GuildFixture.IP, guild.id(), other.id(), message.id(), "x")));
        rejected(NotFoundException.class, () -> f.useCases.delete().delete(new DeleteMessageCommand(author,
                GuildFixture.IP, guild.id(), other.id(), message.id())));
    }

    @Test
    void contentIsValidatedBeforeTheMessageRules() {
        rejected(InvalidRequestException.class, () -> edit(author, message.id(), ""));
        rejected(InvalidRequestException.class, () -> edit(bystander, message.id(), "z".repeat(2001)));
        rejected(InvalidRequestException.class, () -> edit(author, f.guilds.ids.newMessageId(), ""));
        rejected(ForbiddenException.class, () -> edit(f.newUser(), message.id(), ""));
    }

    @Test
    void editAndDeleteNeedCreateMessageInTheChannelAndRespectIpBans() {
        f.denyInChannel(guild.id(), channel.id(), author, Permission.CREATE_MESSAGE);
        rejected(ForbiddenException.class, () -> edit(author, message.id(), "x"));
        rejected(ForbiddenException.class, () -> delete(author, message.id()));

        f.ipBan(guild.id(), owner, "203.0.113.7/32");
        assertThatThrownBy(() -> edit(owner, message.id(), "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> delete(owner, message.id())).isInstanceOf(ForbiddenException.class);
        assertThat(audits()).extracting(e -> ((AuditDetails.IpBanHit) e.details()).surface())
                .containsExactly("messages.edit", "messages.delete");
        assertThat(stored()).isPresent();
    }

    @Test
    void authorDelete_removesRowAndSearchDocument_publishesMessageDelete_withoutAuditOrWake() {
        f.indexAll();
        assertThat(f.searchTables.documentRevision(message.id())).contains(0);
        long wakes = f.wakes.wakes();

        delete(author, message.id());

        assertThat(stored()).isEmpty();
        assertThat(f.searchTables.documentRevision(message.id())).isEmpty();
        assertThat(audits()).isEmpty();
        assertThat(f.wakes.wakes()).isEqualTo(wakes);
        assertThat(f.handOffs.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("message_delete");
            assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.channel(guild.id(), channel.id()));
        });
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
        assertThat(f.payloads.last()).isEqualTo(Map.of("guild_id", guild.id().value(),
                "channel_id", channel.id().value(), "message_id", message.id().value(),
                "deleted_at_unix", f.guilds.clock.instant().getEpochSecond()));
        assertThat(f.payloads.last().keySet()).containsExactly("guild_id", "channel_id", "message_id",
                "deleted_at_unix");
    }

    @Test
    void moderatorDeleteIsAuditedAgainstTheAuthor() {
        delete(moderator, message.id());

        assertThat(stored()).isEmpty();
        assertThat(audits()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.MESSAGE_DELETE_MODERATION);
            assertThat(e.actor()).isEqualTo(moderator);
            assertThat(e.target()).contains(author);
            assertThat(e.details()).isEqualTo(new AuditDetails.MessageModerated(channel.id().value(),
                    message.id().value()));
        });
        rejected(NotFoundException.class, () -> delete(moderator, message.id()));
    }

    @Test
    void throwingHandOffsNeverFailACommittedEditOrDelete() {
        f.handOffs.failPublishing();
        f.failWakes();

        MessageView edited = edit(author, message.id(), "edited anyway");
        delete(author, message.id());

        assertThat(edited.message().revision()).isEqualTo(1);
        assertThat(stored()).isEmpty();
        assertThat(f.handOffs.log()).containsExactly("failed:gateway.publish", "failed:search.wake",
                "failed:gateway.publish");
    }
}
