package dev.filament.application.guild.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.GuildId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GuildAccessVersions} keeps (SPEC 17.8), two instances standing for two nodes: a bump made by one
 * is read by the other at once; guilds are independent.
 */
public abstract class GuildAccessVersionsContract {

    protected abstract GuildAccessVersions node(int index);

    /** A guild id no other test of this class uses. */
    protected abstract GuildId freshGuild();

    @Test
    void aBumpOnOneNodeIsReadByTheOther() {
        GuildId g = freshGuild();
        GuildId other = freshGuild();
        OptionalLong before = node(1).current(g);
        OptionalLong otherBefore = node(1).current(other);
        assertThat(before).isPresent();
        node(0).bump(g);
        OptionalLong after = node(1).current(g);
        assertThat(after).isPresent();
        assertThat(after.getAsLong()).isNotEqualTo(before.getAsLong());
        assertThat(node(0).current(g)).isEqualTo(after);
        assertThat(node(1).current(other)).isEqualTo(otherBefore);
    }
}
