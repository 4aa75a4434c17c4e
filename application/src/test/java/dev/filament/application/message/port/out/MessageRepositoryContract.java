package dev.filament.application.message.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link MessageRepository} keeps, run by the fake and the PostgreSQL adapter. Guilds, channels and
 * users come from the guild ports of the same store (they are the messages' foreign keys).
 */
public abstract class MessageRepositoryContract extends MessagePortContractSupport {
    /** Someone reading pages; reactions have their own contract. */
    protected static final UserId VIEWER = new UserId("01J00000000000000000000V1E");

    /** A page as the owner of the messages sees it, without the reactions. */
    protected List<Message> page(ChannelId channel, Optional<MessageId> before, int limit) {
        return messages.page(channel, before, limit, VIEWER).stream().map(StoredMessage::message).toList();
    }

    private Optional<Message> edit(ChannelId channel, MessageId id, String content, Instant at) {
        return messages.edit(channel, id, MessageContent.of(content), at, VIEWER).map(StoredMessage::message);
    }

    private List<Message> postMany(Channel channel, UserId author, int count) {
        List<Message> posted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            posted.add(post(channel, author, "m" + i, T0.plusSeconds(i)));
        }
        return posted;
    }

    @Test
    void insertedMessageIsFoundWithEveryFieldOnlyInItsOwnChannel() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Channel other = newChannel(g);
        Message m = post(c, g.createdBy(), "hello **world**", T0.plusMillis(1500));

        assertThat(tx(() -> messages.find(c.id(), m.id()))).contains(m);
        assertThat(m.createdAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(tx(() -> messages.find(other.id(), m.id()))).isEmpty();
        assertThat(tx(() -> messages.find(c.id(), ids.newMessageId()))).isEmpty();
        assertThat(tx(() -> messages.lock(c.id(), m.id()))).contains(m);
        assertThat(tx(() -> messages.lock(other.id(), m.id()))).isEmpty();
    }

    @Test
    void contentRoundTripsExactly() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        String astral = "\uD83D\uDE00".repeat(MessageContent.MAX_CHARS); // 2000 code points, 4000 UTF-16 units
        for (String content : List.of("  padded\ttext \n", "<b>raw</b> & 'quotes' \"double\" \\", astral)) {
            Message m = post(c, g.createdBy(), content, T0);
            assertThat(tx(() -> messages.find(c.id(), m.id())).orElseThrow().content().value()).isEqualTo(content);
        }
    }

    @Test
    void pageIsNewestFirstWithAnExclusiveCursorAndLimit() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Channel other = newChannel(g);
        List<Message> posted = postMany(c, g.createdBy(), 5);
        post(other, g.createdBy(), "elsewhere", T0);
        List<Message> newestFirst = posted.reversed();

        assertThat(tx(() -> page(c.id(), Optional.empty(), 10))).containsExactlyElementsOf(newestFirst);
        assertThat(tx(() -> page(c.id(), Optional.empty(), 2))).containsExactlyElementsOf(
                newestFirst.subList(0, 2));
        assertThat(tx(() -> page(c.id(), Optional.of(posted.get(3).id()), 10)))
                .containsExactlyElementsOf(posted.subList(0, 3).reversed());
        assertThat(tx(() -> page(c.id(), Optional.of(posted.get(0).id()), 10))).isEmpty();
    }

    @Test
    void walkingPagesVisitsEachMessageOnceInIdOrder() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        List<Message> posted = postMany(c, g.createdBy(), 23);
        List<Message> seen = new ArrayList<>();
        List<Message> page = tx(() -> page(c.id(), Optional.empty(), 5));
        while (!page.isEmpty()) {
            seen.addAll(page);
            var before = Optional.of(page.get(page.size() - 1).id());
            page = tx(() -> page(c.id(), before, 5));
        }
        assertThat(seen).containsExactlyElementsOf(posted.stream()
                .sorted(Comparator.comparing(Message::id).reversed()).toList());
    }

    @Test
    void editSetsContentAndEditedAtAndIncrementsTheStoredRevision() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Message m = post(c, g.createdBy(), "first", T0);

        Optional<Message> once = tx(() -> edit(c.id(), m.id(), "second", T0.plusSeconds(5)));
        Optional<Message> twice = tx(() -> edit(c.id(), m.id(), "third", T0.plusSeconds(9)));

        assertThat(once).contains(m.edited(MessageContent.of("second"), T0.plusSeconds(5)));
        assertThat(twice.orElseThrow().revision()).isEqualTo(2);
        assertThat(twice.orElseThrow().createdAt()).isEqualTo(T0);
        assertThat(twice.orElseThrow().editedAt()).contains(T0.plusSeconds(9));
        assertThat(tx(() -> messages.find(c.id(), m.id()))).isEqualTo(twice);
    }

    @Test
    void editOutsideTheMessagesChannelChangesNothing() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Channel other = newChannel(g);
        Message m = post(c, g.createdBy(), "first", T0);

        assertThat(tx(() -> edit(other.id(), m.id(), "x", T0))).isEmpty();
        assertThat(tx(() -> edit(c.id(), ids.newMessageId(), "x", T0))).isEmpty();
        assertThat(tx(() -> messages.find(c.id(), m.id()))).contains(m);
    }

    @Test
    void deleteRemovesTheMessageOnlyFromItsOwnChannel() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Channel other = newChannel(g);
        Message m = post(c, g.createdBy(), "bye", T0);
        Message kept = post(c, g.createdBy(), "stays", T0);

        assertThat(tx(() -> messages.delete(other.id(), m.id()))).isFalse();
        assertThat(tx(() -> messages.find(c.id(), m.id()))).contains(m);
        assertThat(tx(() -> messages.delete(c.id(), m.id()))).isTrue();
        assertThat(tx(() -> messages.delete(c.id(), m.id()))).isFalse();
        assertThat(tx(() -> messages.find(c.id(), m.id()))).isEmpty();
        assertThat(tx(() -> page(c.id(), Optional.empty(), 10))).containsExactly(kept);
    }

    @Test
    void findAllReturnsOnlyTheGuildsExistingMessages() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Channel c2 = newChannel(g);
        Guild otherGuild = newGuild();
        Message a = post(c, g.createdBy(), "a", T0);
        Message b = post(c2, g.createdBy(), "b", T0);
        Message foreign = post(newChannel(otherGuild), otherGuild.createdBy(), "f", T0);
        Message gone = post(c, g.createdBy(), "gone", T0);
        run(() -> messages.delete(c.id(), gone.id()));

        assertThat(tx(() -> messages.findAll(g.id(), List.of(b.id(), foreign.id(), gone.id(), a.id(),
                ids.newMessageId()), VIEWER))).extracting(StoredMessage::message).containsExactlyInAnyOrder(a, b);
        assertThat(tx(() -> messages.findAll(g.id(), List.of(), VIEWER))).isEmpty();
    }
}
