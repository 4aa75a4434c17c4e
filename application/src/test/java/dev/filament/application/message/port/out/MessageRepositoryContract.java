package dev.filament.application.message.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.GuildPortContractSupport;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link MessageRepository} keeps, run by the fake and the PostgreSQL adapter. Guilds, channels and
 * users come from the guild ports of the same store (they are the messages' foreign keys).
 */
public abstract class MessageRepositoryContract extends GuildPortContractSupport {
    protected MessageRepository messages;

    /** The repository under test, joined to {@code store}'s unit of work. */
    protected abstract MessageRepository createMessages(GuildPorts store);

    @BeforeEach
    void setUpMessageContract() {
        messages = createMessages(store);
    }

    protected Channel newChannel(Guild guild) {
        Channel c = new Channel(ids.newChannelId(), guild.id(), ChannelName.of("general"), ChannelKind.TEXT, T0);
        run(() -> store.channels().insert(c));
        return c;
    }

    protected Message post(Channel channel, UserId author, String content, Instant at) {
        Message m = Message.post(ids.newMessageId(), channel.guildId(), channel.id(), author,
                MessageContent.of(content), at);
        run(() -> messages.insert(m));
        return m;
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

        assertThat(tx(() -> messages.page(c.id(), Optional.empty(), 10))).containsExactlyElementsOf(newestFirst);
        assertThat(tx(() -> messages.page(c.id(), Optional.empty(), 2))).containsExactlyElementsOf(
                newestFirst.subList(0, 2));
        assertThat(tx(() -> messages.page(c.id(), Optional.of(posted.get(3).id()), 10)))
                .containsExactlyElementsOf(posted.subList(0, 3).reversed());
        assertThat(tx(() -> messages.page(c.id(), Optional.of(posted.get(0).id()), 10))).isEmpty();
    }

    @Test
    void walkingPagesVisitsEachMessageOnceInIdOrder() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        List<Message> posted = postMany(c, g.createdBy(), 23);
        List<Message> seen = new ArrayList<>();
        List<Message> page = tx(() -> messages.page(c.id(), Optional.empty(), 5));
        while (!page.isEmpty()) {
            seen.addAll(page);
            var before = Optional.of(page.get(page.size() - 1).id());
            page = tx(() -> messages.page(c.id(), before, 5));
        }
        assertThat(seen).containsExactlyElementsOf(posted.stream()
                .sorted(Comparator.comparing(Message::id).reversed()).toList());
    }

    @Test
    void editSetsContentAndEditedAtAndIncrementsTheStoredRevision() {
        Guild g = newGuild();
        Channel c = newChannel(g);
        Message m = post(c, g.createdBy(), "first", T0);

        Optional<Message> once = tx(() -> messages.edit(c.id(), m.id(), MessageContent.of("second"),
                T0.plusSeconds(5)));
        Optional<Message> twice = tx(() -> messages.edit(c.id(), m.id(), MessageContent.of("third"),
                T0.plusSeconds(9)));

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

        assertThat(tx(() -> messages.edit(other.id(), m.id(), MessageContent.of("x"), T0))).isEmpty();
        assertThat(tx(() -> messages.edit(c.id(), ids.newMessageId(), MessageContent.of("x"), T0))).isEmpty();
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
        assertThat(tx(() -> messages.page(c.id(), Optional.empty(), 10))).containsExactly(kept);
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
                ids.newMessageId())))).containsExactlyInAnyOrder(a, b);
        assertThat(tx(() -> messages.findAll(g.id(), List.of()))).isEmpty();
    }
}
