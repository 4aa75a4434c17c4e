package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.ListMessagesUseCase.ListMessagesQuery;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC 8.1 {@code GET .../messages}, 8.4 and 1.9: newest first, exclusive cursor, no row skipped or repeated. */
class ListMessagesServiceTest {
    private final MessageFixture f = new MessageFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel channel = f.newChannel(guild.id());
    private final Channel other = f.newChannel(guild.id());
    private final UserId member = f.newMember(guild.id());

    private MessageId post(Channel in, String content) {
        return f.useCases.create().create(CreateMessageCommand.rest(member, GuildFixture.IP, guild.id(), in.id(),
                content, List.of())).message().id();
    }

    private Page<MessageView> page(UserId user, Optional<String> before, OptionalInt limit) {
        return f.useCases.list().list(ListMessagesQuery.parse(user, GuildFixture.IP, guild.id(), channel.id(), before,
                limit));
    }

    private static List<MessageId> ids(Page<MessageView> page) {
        return page.items().stream().map(v -> v.message().id()).toList();
    }

    @Test
    void walkingOver250MessagesWithManyPageSizesReturnsEachOnceNewestFirst() {
        List<MessageId> posted = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            posted.add(post(channel, "m" + i));
            if (i % 7 == 0) {
                post(other, "noise " + i);
            }
        }
        List<MessageId> newestFirst = posted.stream().sorted(Comparator.reverseOrder()).toList();
        Random random = new Random(20300101L);
        List<Integer> sizes = new ArrayList<>(List.of(1, 10, 50, 100, 3));
        for (int i = 0; i < 5; i++) {
            sizes.add(1 + random.nextInt(100));
        }
        for (int size : sizes) {
            assertThat(walk(size)).as("page size %d", size).containsExactlyElementsOf(newestFirst);
        }
    }

    /** Follows next_before until null, checking the SPEC 1.9 rule on every page. */
    private List<MessageId> walk(int size) {
        List<MessageId> seen = new ArrayList<>();
        Optional<String> before = Optional.empty();
        while (true) {
            Page<MessageView> page = page(member, before, OptionalInt.of(size));
            seen.addAll(ids(page));
            assertThat(page.items().size()).isLessThanOrEqualTo(size);
            if (page.items().size() == size) {
                assertThat(page.nextCursor()).contains(ids(page).get(size - 1).value());
            } else {
                assertThat(page.nextCursor()).isEmpty();
                return seen;
            }
            before = page.nextCursor();
        }
    }

    @Test
    void aFullFinalPageIsFollowedByOneEmptyPage() {
        MessageId older = post(channel, "a");
        MessageId newer = post(channel, "b");

        Page<MessageView> first = page(member, Optional.empty(), OptionalInt.of(2));
        assertThat(ids(first)).containsExactly(newer, older);
        assertThat(first.nextCursor()).contains(older.value());
        Page<MessageView> second = page(member, first.nextCursor(), OptionalInt.of(2));
        assertThat(second.items()).isEmpty();
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void defaultLimitIs20AndViewsCarryTokens() {
        for (int i = 0; i < 25; i++) {
            post(channel, "m" + i);
        }
        Page<MessageView> page = page(member, Optional.empty(), OptionalInt.empty());
        assertThat(page.items()).hasSize(20);
        assertThat(page.items().get(0).markdownTokens()).isEqualTo(f.markdown.tokenize("m24"));
        assertThat(f.handOffs.events()).hasSize(25).allMatch(e -> e.type().equals("message_create"));
    }

    @Test
    void queryParametersOutOfShapeAre400() {
        assertThatThrownBy(() -> page(member, Optional.empty(), OptionalInt.of(0)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> page(member, Optional.empty(), OptionalInt.of(101)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> page(member, Optional.of("not-a-ulid"), OptionalInt.empty()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(ListMessagesQuery.parse(member, GuildFixture.IP, guild.id(), channel.id(),
                Optional.of(channel.id().value().toLowerCase()), OptionalInt.of(100)).before())
                .contains(MessageId.of(channel.id().value()));
    }

    @Test
    void readingNeedsMembershipCreateMessageAndNoIpBan() {
        post(channel, "secret");
        assertThatThrownBy(() -> page(f.newUser(), Optional.empty(), OptionalInt.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.useCases.list().list(ListMessagesQuery.parse(member, GuildFixture.IP, guild.id(),
                f.guilds.ids.newChannelId(), Optional.empty(), OptionalInt.empty())))
                .isInstanceOf(NotFoundException.class);
        f.denyInChannel(guild.id(), channel.id(), member, Permission.CREATE_MESSAGE);
        assertThatThrownBy(() -> page(member, Optional.empty(), OptionalInt.empty()))
                .isInstanceOf(ForbiddenException.class);
        f.ipBan(guild.id(), owner, "203.0.113.0/24");
        assertThatThrownBy(() -> page(owner, Optional.empty(), OptionalInt.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.guilds.db.auditRows()).singleElement()
                .satisfies(e -> assertThat(e.details()).isEqualTo(new AuditDetails.IpBanHit("messages.list", "peer")));
    }
}
