package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link SearchQueryPort} keeps (SPEC 10.1), run by the fake and the PostgreSQL adapter. */
public abstract class SearchQueryPortContract extends SearchContractSupport {
    private GuildId g;
    private ChannelId c;

    @BeforeEach
    void guildWithChannel() {
        g = h.newGuild();
        c = h.newChannel(g);
    }

    @Test
    void everyLexemeMustMatch() {
        MessageId both = post(g, c, "hello brave world");
        post(g, c, "hello there");
        drain();

        assertThat(search(g, "world hello", Set.of(c))).containsExactly(both);
        assertThat(search(g, "hello-world", Set.of(c))).containsExactly(both);
        assertThat(search(g, "hello planet", Set.of(c))).isEmpty();
    }

    @Test
    void aLexemeEndingInAStarMatchesWordPrefixes() {
        MessageId m = post(g, c, "searching indexes");
        drain();

        assertThat(search(g, "search*", Set.of(c))).containsExactly(m);
        assertThat(search(g, "search", Set.of(c))).isEmpty();
        assertThat(search(g, "sea* ind*", Set.of(c))).containsExactly(m);
        assertThat(search(g, "seb*", Set.of(c))).isEmpty();
    }

    @Test
    void matchingIgnoresCase_alsoBeyondAscii() {
        MessageId latin = post(g, c, "Über ALLES und École");
        MessageId cjk = post(g, c, "日本語 テキスト");
        drain();

        assertThat(search(g, "über", Set.of(c))).containsExactly(latin);
        assertThat(search(g, "ÜBER alles", Set.of(c))).containsExactly(latin);
        assertThat(search(g, "écol*", Set.of(c))).containsExactly(latin);
        assertThat(search(g, "日本語", Set.of(c))).containsExactly(cjk);
    }

    @Test
    void tsquerySyntaxInTheQueryIsPlainText() {
        MessageId m = post(g, c, "it's a b&c test: (x|y)");
        drain();

        assertThat(search(g, "it's (b|c) !test", Set.of(c))).containsExactly(m);
        assertThat(search(g, "'\\' <-> x & y", Set.of(c))).containsExactly(m);
        assertThat(search(g, "') | ('a", Set.of(c))).containsExactly(m);
    }

    @Test
    void onlyReadableChannelsAndTheRequestedChannelAreSearched() {
        ChannelId hidden = h.newChannel(g);
        ChannelId second = h.newChannel(g);
        MessageId inC = post(g, c, "topic");
        MessageId inSecond = post(g, second, "topic");
        post(g, hidden, "topic");
        drain();

        assertThat(search(g, "topic", Set.of(c, second))).containsExactly(inSecond, inC);
        assertThat(search(g, "topic", Set.of(c, second), Optional.of(c), 20)).containsExactly(inC);
        assertThat(search(g, "topic", Set.of(c, second), Optional.of(hidden), 20)).isEmpty();
        assertThat(search(g, "topic", Set.of())).isEmpty();
    }

    @Test
    void otherGuildsAreNeverSearched() {
        GuildId other = h.newGuild();
        ChannelId otherChannel = h.newChannel(other);
        post(other, otherChannel, "shared word");
        MessageId mine = post(g, c, "shared word");
        drain();

        assertThat(search(g, "shared", Set.of(c, otherChannel))).containsExactly(mine);
    }

    @Test
    void resultsAreOrderedByRankThenNewestFirst_andCutToTheLimit() {
        MessageId strong = post(g, c, "apple apple apple");
        MessageId older = post(g, c, "apple pie");
        MessageId newer = post(g, c, "apple tart");
        drain();

        assertThat(search(g, "apple", Set.of(c))).containsExactly(strong, newer, older);
        assertThat(search(g, "apple", Set.of(c), Optional.empty(), 2)).containsExactly(strong, newer);
    }

    @Test
    void aQueryWithoutLexemes_findsNothing() {
        post(g, c, "anything");
        drain();

        assertThat(search(g, "* ? ~", Set.of(c))).isEmpty();
    }

    @Test
    void deletedMessagesAreNeverFound_evenWhenADocumentWasLeftBehind() {
        MessageId deleted = post(g, c, "confidential");
        MessageId leftBehind = post(g, c, "confidential");
        MessageId kept = post(g, c, "confidential");
        drain();
        run(() -> {
            h.removeMessage(deleted);
            h.outbox().deleteDocument(deleted);
        });
        h.removeMessage(leftBehind);

        assertThat(search(g, "confidential", Set.of(c))).containsExactly(kept);
    }
}
