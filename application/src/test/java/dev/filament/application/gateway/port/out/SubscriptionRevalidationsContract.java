package dev.filament.application.gateway.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.GuildId;
import org.junit.jupiter.api.Test;

/** Contract of {@link SubscriptionRevalidations}: a request moves that guild's stamp; reading it changes nothing. */
public abstract class SubscriptionRevalidationsContract {
    private static int sequence;

    /** A fresh implementation with nothing requested yet. */
    protected abstract SubscriptionRevalidations newRevalidations();

    private static synchronized GuildId guild() {
        sequence++;
        return new GuildId(String.format("01N%023d", sequence));
    }

    @Test
    void aRequestMovesTheStampOfItsGuild_readingItDoesNot() {
        SubscriptionRevalidations revalidations = newRevalidations();
        GuildId guild = guild();
        long before = revalidations.stamp(guild);

        assertThat(revalidations.stamp(guild)).isEqualTo(before);
        revalidations.request(guild);

        assertThat(revalidations.stamp(guild)).isNotEqualTo(before);
    }

    @Test
    void repeatedRequestsKeepMovingTheStamp() {
        SubscriptionRevalidations revalidations = newRevalidations();
        GuildId guild = guild();
        revalidations.request(guild);
        long afterFirst = revalidations.stamp(guild);

        revalidations.request(guild);

        assertThat(revalidations.stamp(guild)).isNotEqualTo(afterFirst);
    }
}
