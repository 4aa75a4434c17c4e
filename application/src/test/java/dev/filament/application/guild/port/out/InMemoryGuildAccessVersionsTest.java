package dev.filament.application.guild.port.out;

import dev.filament.domain.id.GuildId;
import java.util.concurrent.atomic.AtomicInteger;

class InMemoryGuildAccessVersionsTest extends GuildAccessVersionsContract {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final InMemoryGuildAccessVersions versions = new InMemoryGuildAccessVersions();

    @Override
    protected GuildAccessVersions node(int index) {
        return versions;
    }

    @Override
    protected GuildId freshGuild() {
        return GuildId.of(String.format("01ARZ3NDEKTSV4RRFFQ69%05d", NEXT.incrementAndGet()));
    }
}
