package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.ListMessagesUseCase.ListMessagesQuery;
import dev.filament.application.message.port.in.ReactToMessageUseCase.ReactCommand;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.Reaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC 8.6 against the fakes: outcomes, the processing order, idempotence, the event rule and the cap. */
class ReactToMessageServiceTest {
    private static final String THUMBS = "\uD83D\uDC4D";
    private final MessageFixture f = new MessageFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel channel = f.newChannel(guild.id());
    private final UserId member = f.newMember(guild.id());
    private final Message message = f.useCases.create().create(CreateMessageCommand.rest(owner, GuildFixture.IP,
            guild.id(), channel.id(), "hi", List.of())).message();

    private Reaction react(UserId user, String emoji, boolean add) {
        return react(user, message.id(), emoji, add);
    }

    private Reaction react(UserId user, MessageId m, String emoji, boolean add) {
        return f.react.react(new ReactCommand(user, GuildFixture.IP, guild.id(), channel.id(), m, emoji, add));
    }

    private List<GatewayEvent> reactionEvents() {
        return f.handOffs.events(ChannelEvent.MessageReaction.TYPE);
    }

    private void rejected(Class<? extends RuntimeException> type, Runnable attempt) {
        String before = f.fingerprint();
        int events = f.handOffs.events().size();
        assertThatThrownBy(attempt::run).isInstanceOf(type);
        assertThat(f.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.events()).hasSize(events);
    }

    @Test
    void addThenAddAgain_oneRowOneEventAfterCommit() {
        Reaction first = react(member, THUMBS, true);
        Reaction again = react(member, THUMBS, true);

        assertThat(first).isEqualTo(new Reaction(Emoji.of(THUMBS), 1, true, List.of(member)));
        assertThat(again).isEqualTo(first);
        assertThat(reactionEvents()).singleElement().satisfies(e ->
                assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.channel(guild.id(), channel.id())));
        assertThat(f.payloads.lastEvent()).isEqualTo(new ChannelEvent.MessageReaction(guild.id().value(),
                channel.id().value(), message.id().value(), THUMBS, 1, "add", member.value()));
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
    }

    @Test
    void removeThenRemoveAgain_countZeroAndOneEvent() {
        react(member, THUMBS, true);
        react(owner, THUMBS, true);

        Reaction removed = react(member, THUMBS, false);
        Reaction again = react(member, THUMBS, false);

        assertThat(removed).isEqualTo(new Reaction(Emoji.of(THUMBS), 1, false, List.of(owner)));
        assertThat(again).isEqualTo(removed);
        assertThat(reactionEvents()).hasSize(3);
        assertThat(f.payloads.lastEvent()).isEqualTo(new ChannelEvent.MessageReaction(guild.id().value(),
                channel.id().value(), message.id().value(), THUMBS, 1, "remove", member.value()));
    }

    @Test
    void theListShowsReactedByMeForEachCaller() {
        react(member, THUMBS, true);

        assertThat(f.useCases.list().list(listQuery(member)).items().getFirst().reactions())
                .containsExactly(new Reaction(Emoji.of(THUMBS), 1, true, List.of(member)));
        assertThat(f.useCases.list().list(listQuery(owner)).items().getFirst().reactions())
                .containsExactly(new Reaction(Emoji.of(THUMBS), 1, false, List.of(member)));
    }

    private ListMessagesQuery listQuery(UserId u) {
        return new ListMessagesQuery(u, GuildFixture.IP,
                guild.id(), channel.id(), Optional.empty(), 20);
    }

    @Test
    void processingOrder_ladderThenEmojiThenMessage() {
        UserId outsider = f.newUser();
        rejected(ForbiddenException.class, () -> react(outsider, "bad emoji", true));
        rejected(InvalidRequestException.class, () -> react(member, f.guilds.ids.newMessageId(), "a/b", true));
        rejected(NotFoundException.class, () -> react(member, f.guilds.ids.newMessageId(), "a", true));
        rejected(NotFoundException.class, () -> react(member, f.guilds.ids.newMessageId(), "a", false));
        f.denyInChannel(guild.id(), channel.id(), member, Permission.CREATE_MESSAGE);
        rejected(ForbiddenException.class, () -> react(member, THUMBS, true));
    }

    @Test
    void anIpBanOnTheSurfaceRefuses() {
        f.ipBan(guild.id(), owner, "203.0.113.7/32");
        assertThatThrownBy(() -> react(member, THUMBS, true)).isInstanceOf(ForbiddenException.class);
        assertThat(reactionEvents()).isEmpty();
    }

    @Test
    void theSixtyFifthDistinctEmojiIsAQuotaConflictThatWritesNothing() {
        for (int i = 0; i < Reaction.MAX_EMOJIS_PER_MESSAGE; i++) {
            react(member, "e" + i, true);
        }
        rejected(ConflictException.class, () -> react(owner, "new", true));
        assertThat(react(owner, "e0", true).count()).isEqualTo(2);
    }

    @Test
    void aFailedPublishNeverChangesTheAnswer() {
        f.handOffs.failPublishing();
        assertThat(react(member, THUMBS, true).count()).isEqualTo(1);
        assertThat(f.useCases.list().list(listQuery(member)).items().getFirst().reactions()).hasSize(1);
    }
}
