package dev.filament.application.guild.port.out;

import dev.filament.domain.id.UserId;

/** Fake {@link UserDirectory} over the user rows of an {@link InMemoryGuildDatabase}. */
public final class InMemoryUserDirectory implements UserDirectory {
    private final InMemoryGuildDatabase db;

    public InMemoryUserDirectory(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public boolean exists(UserId user) {
        synchronized (db) {
            return db.users.contains(user);
        }
    }

    @Override
    public boolean lock(UserId user) {
        return exists(user);
    }
}
