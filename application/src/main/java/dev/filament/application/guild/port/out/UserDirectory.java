package dev.filament.application.guild.port.out;

import dev.filament.domain.id.UserId;

/** Out-port: what the guild feature needs to know about user rows (table {@code users}), in a transaction. */
public interface UserDirectory {

    boolean exists(UserId user);

    /** Holds the user row lock ({@code FOR UPDATE}) until the transaction ends; false for an unknown user. */
    boolean lock(UserId user);
}
