package dev.filament.postgres.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByLegacyRole;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.UpsertChannelOverrideCommand;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC 5.4's invalidation rule for the message services' cached ladder: posts racing a kick or a permission change
 * are refused as soon as the change's use case has returned, and a warm ladder never outlives the change.
 */
@ExtendWith(PostgresExtension.class)
class AccessCacheRacesTest {
    private static final int ROUNDS = 10;
    private final MessageWorld w;
    private UserId owner;
    private final ExecutorService posters = Executors.newFixedThreadPool(2);

    AccessCacheRacesTest(TestDatabase db) {
        w = new MessageWorld(db);
    }

    @AfterEach
    void stop() {
        posters.shutdownNow();
    }

    private Channel channelIn(Guild guild) {
        return w.guilds.createChannel().create(new CreateChannelCommand(owner, MessageWorld.IP, guild.id(),
                "general", Optional.empty()));
    }

    private void post(UserId user, Guild guild, Channel channel) {
        w.useCases.create().create(CreateMessageCommand.rest(user, MessageWorld.IP, guild.id(), channel.id(), "hi",
                List.of()));
    }

    /** Posts in a loop until told to stop; fails if a post succeeds after {@code changed} was set. */
    private Future<Boolean> posting(UserId user, Guild guild, Channel channel, AtomicBoolean changed) {
        return posters.submit(() -> {
            boolean passedAfterChange = false;
            for (int i = 0; i < 200 && !passedAfterChange; i++) {
                boolean changedBefore = changed.get();
                try {
                    post(user, guild, channel);
                    passedAfterChange = changedBefore;
                } catch (ForbiddenException e) {
                    if (changedBefore) {
                        return false;
                    }
                }
            }
            return passedAfterChange;
        });
    }

    private void race(Runnable change, UserId member, Guild guild, Channel channel) throws Exception {
        post(member, guild, channel); // warm the cached ladder
        AtomicBoolean changed = new AtomicBoolean();
        Future<Boolean> poster = posting(member, guild, channel, changed);
        change.run();
        changed.set(true);
        assertThat(poster.get(30, TimeUnit.SECONDS)).as("a post passed after the change returned").isFalse();
        assertThatThrownBy(() -> post(member, guild, channel)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void postsRacingAKickAreRefusedOnceTheKickReturned() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            owner = w.user(); // a guild each round, within the creation cap
            Guild guild = w.guilds.createGuild().create(new CreateGuildCommand(owner, "kick" + round,
                    Optional.empty()));
            Channel channel = channelIn(guild);
            UserId member = w.user();
            w.guilds.addMember().add(new MemberCommand(owner, guild.id(), member));
            race(() -> w.guilds.kickMember().kick(new MemberCommand(owner, guild.id(), member)), member, guild,
                    channel);
        }
    }

    @Test
    void postsRacingAPermissionDenialAreRefusedOnceTheChangeReturned() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            owner = w.user(); // a guild each round, within the creation cap
            Guild guild = w.guilds.createGuild().create(new CreateGuildCommand(owner, "deny" + round,
                    Optional.empty()));
            Channel channel = channelIn(guild);
            UserId member = w.user();
            w.guilds.addMember().add(new MemberCommand(owner, guild.id(), member));
            race(() -> w.guilds.upsertChannelOverride().upsert(new UpsertChannelOverrideCommand(owner,
                    MessageWorld.IP, guild.id(), channel.id(), new ByLegacyRole(LegacyRole.MEMBER), PermissionSet.NONE,
                    PermissionSet.of(Permission.CREATE_MESSAGE))), member, guild, channel);
        }
    }
}
