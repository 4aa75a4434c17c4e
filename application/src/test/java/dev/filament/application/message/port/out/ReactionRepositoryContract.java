package dev.filament.application.message.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.message.port.out.ReactionRepository.Added;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.Reaction;
import dev.filament.domain.message.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link ReactionRepository} keeps together with the {@link MessageRepository} of the same store (the
 * pages and edits carry the reactions): idempotent writes, the 64-emoji cap, counts and the caller's view, code point
 * order, the lowest 32 reactor ids, and the cascade of a message delete.
 */
public abstract class ReactionRepositoryContract extends MessagePortContractSupport {
    protected static final Emoji THUMBS = Emoji.of("\uD83D\uDC4D");
    protected ReactionRepository reactions;
    protected Channel channel;
    protected Message message;

    /** The repository under test, joined to {@code store}'s unit of work and sharing its database with messages. */
    protected abstract ReactionRepository createReactions(GuildPorts store, MessageRepository messages);

    @BeforeEach
    void setUpReactions() {
        reactions = createReactions(store, messages);
        Guild g = newGuild();
        channel = newChannel(g);
        message = post(channel, g.createdBy(), "react to me", T0);
    }

    protected Added add(Emoji emoji, UserId user) {
        return tx(() -> reactions.add(message.id(), emoji, user, T0));
    }

    private List<Reaction> onPage(UserId viewer) {
        return tx(() -> messages.page(channel.id(), Optional.empty(), 10, viewer)).getFirst().reactions();
    }

    @Test
    void addIsIdempotentAndReadCountsForTheViewer() {
        UserId a = createUser();
        UserId b = createUser();

        assertThat(add(THUMBS, a)).isEqualTo(Added.INSERTED);
        assertThat(add(THUMBS, a)).isEqualTo(Added.ALREADY_PRESENT);
        assertThat(add(THUMBS, b)).isEqualTo(Added.INSERTED);

        List<UserId> both = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
        assertThat(tx(() -> reactions.read(message.id(), THUMBS, a))).isEqualTo(new Reaction(THUMBS, 2, true, both));
        assertThat(tx(() -> reactions.read(message.id(), THUMBS, createUser())))
                .isEqualTo(new Reaction(THUMBS, 2, false, both));
    }

    @Test
    void removeIsIdempotentAndLeavesCountZeroWithoutIds() {
        UserId a = createUser();
        add(THUMBS, a);

        assertThat(tx(() -> reactions.remove(message.id(), THUMBS, a))).isTrue();
        assertThat(tx(() -> reactions.remove(message.id(), THUMBS, a))).isFalse();
        assertThat(tx(() -> reactions.remove(message.id(), Emoji.of("x"), a))).isFalse();
        assertThat(tx(() -> reactions.read(message.id(), THUMBS, a))).isEqualTo(new Reaction(THUMBS, 0, false,
                List.of()));
        assertThat(onPage(a)).isEmpty();
    }

    @Test
    void aSixtyFifthDistinctEmojiIsRefusedButAnExistingOneStillGrows() {
        UserId a = createUser();
        for (int i = 0; i < Reaction.MAX_EMOJIS_PER_MESSAGE; i++) {
            assertThat(add(Emoji.of("e" + i), a)).isEqualTo(Added.INSERTED);
        }
        UserId b = createUser();

        assertThat(add(Emoji.of("new"), b)).isEqualTo(Added.EMOJI_CAP_REACHED);
        assertThat(add(Emoji.of("e7"), b)).isEqualTo(Added.INSERTED);
        assertThat(add(Emoji.of("e7"), b)).isEqualTo(Added.ALREADY_PRESENT);
        assertThat(onPage(a)).hasSize(Reaction.MAX_EMOJIS_PER_MESSAGE);
    }

    @Test
    void pagesCarryReactionsInCodePointOrderWithTheLowest32Ids() {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < Reaction.MAX_REACTOR_IDS + 1; i++) {
            users.add(createUser());
        }
        users.sort(null);
        users.forEach(u -> add(THUMBS, u));
        UserId me = users.getLast();
        // U+FF5E (3 UTF-8 bytes, one UTF-16 unit) sorts before U+1F44D (4 bytes, a surrogate pair) in code point
        // order, though after it in UTF-16 unit order; "Z" < "a" in byte order
        for (String e : List.of("a", "\uFF5E", "Z")) {
            add(Emoji.of(e), me);
        }

        List<Reaction> seen = onPage(me);

        assertThat(seen).extracting(r -> r.emoji().value()).containsExactly("Z", "a", "\uFF5E", THUMBS.value());
        assertThat(seen.getLast()).isEqualTo(new Reaction(THUMBS, 33, true, users.subList(0, 32)));
        assertThat(seen.getFirst()).isEqualTo(new Reaction(Emoji.of("Z"), 1, true, List.of(me)));
        assertThat(onPage(users.getFirst()).getFirst().reactedByMe()).isFalse();
        assertThat(tx(() -> messages.findAll(channel.guildId(), List.of(message.id()), me)).getFirst().reactions())
                .as("search results carry them too").isEqualTo(seen);
    }

    @Test
    void anEditReturnsTheMessageWithItsReactionsForTheEditor() {
        UserId a = createUser();
        add(THUMBS, a);

        Optional<StoredMessage> edited = tx(() -> messages.edit(channel.id(), message.id(), MessageContent.of("new"),
                T0.plusSeconds(3), a));

        assertThat(edited.orElseThrow().reactions()).containsExactly(new Reaction(THUMBS, 1, true, List.of(a)));
        assertThat(edited.orElseThrow().message().content().value()).isEqualTo("new");
    }

    @Test
    void deletingTheMessageRemovesItsReactions() {
        UserId a = createUser();
        add(THUMBS, a);

        run(() -> messages.delete(channel.id(), message.id()));

        assertThat(tx(() -> reactions.read(message.id(), THUMBS, a)).count()).isZero();
    }
}
