package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.search.port.out.OutboxEntry;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import dev.filament.application.wire.ChannelEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 8.1 {@code POST .../messages} and the gateway's {@code message_create}: every outcome and its side effects. */
class CreateMessageServiceTest {
    private final MessageFixture f = new MessageFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel channel = f.newChannel(guild.id());
    private final UserId member = f.newMember(guild.id());

    private MessageView post(UserId user, Channel in, String content) {
        return f.useCases.create().create(CreateMessageCommand.rest(user, GuildFixture.IP, in.guildId(), in.id(),
                content, List.of()));
    }

    /** Asserts the attempt failed with {@code type} and left every table, event and wake-up untouched. */
    private void rejected(Class<? extends RuntimeException> type, Runnable attempt) {
        String before = f.fingerprint();
        int events = f.handOffs.events().size();
        long wakes = f.wakes.wakes();
        assertThatThrownBy(attempt::run).isInstanceOf(type);
        assertThat(f.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.events()).hasSize(events);
        assertThat(f.wakes.wakes()).isEqualTo(wakes);
    }

    @Test
    void memberPosts_messageAndOutboxRowAreStored_thenOneChannelEventAndOneWakeAfterCommit() {
        MessageView view = post(member, channel, "hello *world*");

        Message m = view.message();
        assertThat(m.authorId()).isEqualTo(member);
        assertThat(m.guildId()).isEqualTo(guild.id());
        assertThat(m.channelId()).isEqualTo(channel.id());
        assertThat(m.revision()).isZero();
        assertThat(m.createdAt()).isEqualTo(f.guilds.clock.instant());
        assertThat(m.editedAt()).isEmpty();
        assertThat(view.markdownTokens()).isEqualTo(f.markdown.tokenize("hello *world*"));
        assertThat(f.guilds.store.tx(() -> f.messages.find(channel.id(), m.id()))).contains(m);
        assertThat(f.outbox(guild.id())).singleElement().satisfies(row -> {
            assertThat(row.op()).isEqualTo(OutboxEntry.UPSERT);
            assertThat(row.message()).contains(m.id());
        });
        assertThat(f.handOffs.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("message_create");
            assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.channel(guild.id(), channel.id()));
        });
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
        assertThat(f.wakes.wakes()).isEqualTo(1);
        assertThat(f.guilds.db.auditRows()).isEmpty();
    }

    @Test
    void messageCreatePayloadIsTheFlatMessageResponse() {
        MessageView view = post(member, channel, "hi");

        Map<String, ?> d = f.payloads.last();
        assertThat(f.payloads.lastEvent())
                .isEqualTo(ChannelEvent.MessageCreate.of(view.message(), view.markdownTokens()));
        assertThat(d.keySet()).containsExactly("message_id", "guild_id", "channel_id", "author_id", "content",
                "markdown_tokens", "attachments", "reactions", "created_at_unix", "edited_at_unix");
        assertThat(d.get("attachments")).isEqualTo(List.of());
        assertThat(d.get("reactions")).isEqualTo(List.of());
        assertThat(d.get("edited_at_unix")).isNull();
        assertThat(d.get("created_at_unix")).isEqualTo(f.guilds.clock.instant().getEpochSecond());
        assertThat(d.get("markdown_tokens")).isEqualTo(List.of(Map.of("type", "paragraph_start"),
                Map.of("type", "text", "text", "hi"), Map.of("type", "paragraph_end")));
        assertThat(f.handOffs.events().get(0).payloadJson()).startsWith("{\"message_id\":\"" + view.message().id());
    }

    @Test
    void contentLimitsCountCodePoints() {
        String astral = "\uD83D\uDE00"; // one code point, two UTF-16 units
        assertThat(post(member, channel, astral.repeat(2000)).message().content().value()).hasSize(4000);
        assertThat(post(member, channel, "x").message().content().value()).isEqualTo("x");
        rejected(InvalidRequestException.class, () -> post(member, channel, ""));
        rejected(InvalidRequestException.class, () -> post(member, channel, "y".repeat(2001)));
        rejected(InvalidRequestException.class, () -> post(member, channel, astral.repeat(2001)));
        rejected(InvalidRequestException.class, () -> post(member, channel, "nul\u0000inside"));
    }

    @Test
    void anyAttachmentIdIsRejectedInPhase1() {
        rejected(InvalidRequestException.class, () -> f.useCases.create().create(CreateMessageCommand.rest(member,
                GuildFixture.IP, guild.id(), channel.id(), "with file", List.of("01HZZZZZZZZZZZZZZZZZZZZZZZ"))));
    }

    @Test
    void ladderFailuresAreNotFoundOrForbiddenAndWriteNothing() {
        Channel elsewhere = f.newChannel(f.newGuild(f.newUser()).id());
        rejected(NotFoundException.class, () -> f.useCases.create().create(CreateMessageCommand.rest(member,
                GuildFixture.IP, f.guilds.ids.newGuildId(), channel.id(), "x", List.of())));
        rejected(ForbiddenException.class, () -> post(f.newUser(), channel, "x"));
        rejected(NotFoundException.class, () -> f.useCases.create().create(CreateMessageCommand.rest(member,
                GuildFixture.IP, guild.id(), elsewhere.id(), "x", List.of())));
        rejected(NotFoundException.class, () -> f.useCases.create().create(CreateMessageCommand.rest(member,
                GuildFixture.IP, guild.id(), f.guilds.ids.newChannelId(), "x", List.of())));
        f.denyInChannel(guild.id(), channel.id(), member, Permission.CREATE_MESSAGE);
        rejected(ForbiddenException.class, () -> post(member, channel, "x"));
    }

    @Test
    void theLadderRunsBeforeContentValidation() {
        rejected(ForbiddenException.class, () -> post(f.newUser(), channel, ""));
        rejected(NotFoundException.class, () -> f.useCases.create().create(CreateMessageCommand.rest(member,
                GuildFixture.IP, guild.id(), f.guilds.ids.newChannelId(), "", List.of("x"))));
    }

    @Test
    void ipBannedCallerIsForbiddenAndTheHitIsAuditedWithTheCommandsSurface() {
        f.ipBan(guild.id(), owner, "203.0.113.0/24");

        assertThatThrownBy(() -> post(member, channel, "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.useCases.create().create(CreateMessageCommand.gateway(member, GuildFixture.IP,
                guild.id(), channel.id(), "x"))).isInstanceOf(ForbiddenException.class);

        assertThat(f.messages.count()).isZero();
        assertThat(f.guilds.db.auditRows())
                .extracting(e -> e.action(), e -> ((AuditDetails.IpBanHit) e.details()).surface())
                .containsExactly(tuple(AuditAction.MODERATION_IP_BAN_HIT,
                                "messages.create"),
                        tuple(AuditAction.MODERATION_IP_BAN_HIT,
                                "gateway.message_create"));
        assertThat(f.handOffs.events()).isEmpty();
        assertThat(post(member, channel, "from another network", "198.51.100.1").message().authorId())
                .isEqualTo(member);
    }

    private MessageView post(UserId user, Channel in, String content, String fromAddress) {
        return f.useCases.create().create(CreateMessageCommand.rest(user, GuildFixture.ip(fromAddress), in.guildId(),
                in.id(), content, List.of()));
    }

    @Test
    void gatewayCommandFollowsTheSameRules() {
        MessageView view = f.useCases.create().create(CreateMessageCommand.gateway(member, GuildFixture.IP,
                guild.id(), channel.id(), "from the socket"));

        assertThat(f.handOffs.events("message_create")).hasSize(1);
        assertThat(f.wakes.wakes()).isEqualTo(1);
        assertThat(view.message().authorId()).isEqualTo(member);
        rejected(InvalidRequestException.class, () -> f.useCases.create().create(CreateMessageCommand.gateway(member,
                GuildFixture.IP, guild.id(), channel.id(), "")));
    }

    @Test
    void commandAcceptsOnlyTheTwoCreateSurfaces() {
        assertThatThrownBy(() -> new CreateMessageCommand(member, GuildFixture.IP,
                IpBanSurface.MESSAGES_EDIT, guild.id(), channel.id(), "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThrowingPublisherNeverFailsACommittedMessage() {
        f.handOffs.failPublishing();

        MessageView view = post(member, channel, "still saved");

        assertThat(f.guilds.store.tx(() -> f.messages.find(channel.id(), view.message().id()))).isPresent();
        assertThat(f.handOffs.log()).containsExactly("failed:gateway.publish");
        assertThat(f.wakes.wakes()).as("the wake-up still runs after a failed publish").isEqualTo(1);
    }

    @Test
    void aThrowingWakeUpNeverFailsACommittedMessage() {
        f.failWakes();

        MessageView view = post(member, channel, "still saved");

        assertThat(f.guilds.store.tx(() -> f.messages.find(channel.id(), view.message().id()))).isPresent();
        assertThat(f.handOffs.log()).containsExactly("publish:message_create", "failed:search.wake");
        assertThat(f.outbox(guild.id())).hasSize(1);
    }

    @Test
    void serverOwnerMayPostInAGuildWithoutBeingAMember() {
        UserId serverOwner = f.guilds.ids.newUserId();
        MessageFixture g = new MessageFixture(GuildSettings.defaults().withServerOwner(serverOwner), null);
        g.guilds.db.addUser(serverOwner);
        Guild other = g.newGuild(g.newUser());
        Channel c = g.newChannel(other.id());

        MessageView view = g.useCases.create().create(CreateMessageCommand.rest(serverOwner, GuildFixture.IP,
                other.id(), c.id(), "from the server owner", List.of()));

        assertThat(view.message().authorId()).isEqualTo(serverOwner);
    }
}
