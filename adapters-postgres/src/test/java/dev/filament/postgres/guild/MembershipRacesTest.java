package dev.filament.postgres.guild;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.JoinGuildUseCase.JoinGuildCommand;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase.UpdateMemberRoleCommand;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.PostgresSettings;
import dev.filament.postgres.testing.LockWaits;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12 items 1 and 6 on PostgreSQL: a directory join or an add-member racing a ban never leaves a banned member
 * (all three hold the guild row lock around the ban check and the membership write, SPEC 6.1, 6.3, 6.7), and a PATCH
 * to {@code moderator} racing a role assignment never takes a member past 16 explicit assignments (SPEC 6.1, 5.9).
 * Both sides run concurrently, many times; nothing sleeps.
 */
@ExtendWith(PostgresExtension.class)
class MembershipRacesTest {
    private static final int PAIRS = 30;

    private final PostgresGuildPorts ports;
    private final HikariDataSource dataSource;
    private final GuildPorts store;
    private final GuildServices useCases;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final UserId owner;

    /** A pool of its own with patient bounds, so a loaded machine turns lock waits into waits, not 503s. */
    MembershipRacesTest(TestDatabase db) {
        PostgresSettings patient = db.settings(Duration.ofSeconds(5), Duration.ofSeconds(9), Duration.ofSeconds(9));
        dataSource = DataSourceFactory.create(patient, c -> c.setMaximumPoolSize(6));
        ports = new PostgresGuildPorts(dataSource, patient);
        store = ports.store();
        GuildWorld world = new GuildWorld();
        // Limits far above what the test sends: every join here comes from one address.
        useCases = world.graph(store).services(
                new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", 10_000, 60), world.clock),
                new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", 10_000, 60), world.clock),
                new RecordingIpObservationRecorder());
        owner = ports.user();
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        dataSource.close();
    }

    private GuildId publicGuild() {
        return useCases.createGuild().create(new CreateGuildCommand(owner, "race", Optional.of(Visibility.PUBLIC)))
                .id();
    }

    private boolean banned(GuildId guild, UserId user) {
        return store.tx(() -> store.bans().isBanned(guild, user));
    }

    private boolean member(GuildId guild, UserId user) {
        return store.tx(() -> store.members().isMember(guild, user));
    }

    /** Runs both at once (released by one latch) and returns what each answered. */
    private List<String> together(Callable<String> a, Callable<String> b) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<String> fa = threads.submit(() -> {
            start.await();
            return a.call();
        });
        Future<String> fb = threads.submit(() -> {
            start.await();
            return b.call();
        });
        start.countDown();
        return List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
    }

    private String join(GuildId guild, UserId user) {
        try {
            return useCases.joinGuild().join(new JoinGuildCommand(user, GuildWorld.IP, guild)).outcome().wire();
        } catch (ForbiddenException e) {
            return e.code();
        }
    }

    private String add(GuildId guild, UserId user) {
        try {
            useCases.addMember().add(new MemberCommand(owner, guild, user));
            return "added";
        } catch (ForbiddenException e) {
            return e.code();
        }
    }

    private String ban(GuildId guild, UserId user) {
        useCases.banMember().ban(new MemberCommand(owner, guild, user));
        return "banned";
    }

    @Test
    void concurrentJoinAndBan_neverLeaveTheUserBothBannedAndAMember() throws Exception {
        GuildId guild = publicGuild();
        List<String> joins = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            UserId user = ports.user();
            joins.add(together(() -> join(guild, user), () -> ban(guild, user)).getFirst());
            assertThat(banned(guild, user)).as("pair %d banned", i).isTrue();
            assertThat(member(guild, user)).as("pair %d: banned (join answered %s) yet a member", i,
                    joins.getLast()).isFalse();
        }
        assertThat(joins).allMatch(o -> o.equals("accepted") || o.equals("directory_join_user_banned"));
    }

    @Test
    void concurrentAddMemberAndBan_neverLeaveTheUserBothBannedAndAMember() throws Exception {
        GuildId guild = publicGuild();
        for (int i = 0; i < PAIRS; i++) {
            UserId user = ports.user();
            String added = together(() -> add(guild, user), () -> ban(guild, user)).getFirst();
            assertThat(banned(guild, user)).isTrue();
            assertThat(member(guild, user)).as("pair %d: banned (add answered %s) yet a member", i, added).isFalse();
        }
    }

    /**
     * Deterministic half of the join race: while a ban transaction holds the guild row lock (ban inserted, not yet
     * committed), a join waits for that lock and then sees the ban.
     */
    @Test
    void whileABanHoldsTheGuildLock_aJoinWaitsAndThenIsRejectedAsBanned() throws Exception {
        GuildId guild = publicGuild();
        UserId user = ports.user();
        AtomicInteger joinPid = new AtomicInteger();
        try (HoldOpen ban = new HoldOpen()) {
            Future<Boolean> held = ban.start(() -> store.tx(() -> {
                store.guilds().lock(guild).orElseThrow();
                store.bans().insertIfAbsent(new GuildBan(guild, user, Optional.of(owner), PostgresGuildPorts.T0));
                boolean wasMember = store.members().delete(guild, user);
                ban.holdHere();
                return wasMember;
            }));
            ban.awaitHolding();
            Future<String> joined = ban.startOther(() -> {
                // The join's own transaction runs on this thread; record its backend before it asks for the lock.
                return store.tx(() -> {
                    joinPid.set(LockWaits.backendPid(ports.dsl()));
                    return join(guild, user);
                });
            });
            LockWaits.awaitBlockedOnLock(dataSource, joinPid);
            ban.release();
            assertThat(HoldOpen.result(held)).isFalse();
            assertThat(HoldOpen.result(joined)).isEqualTo(ForbiddenException.DIRECTORY_JOIN_USER_BANNED);
        }
        assertThat(member(guild, user)).isFalse();
    }

    private RoleId customRole(GuildId guild, int position) {
        Role role = Role.createCustom(ports.ids().newRoleId(), guild, RoleName.of("r" + position),
                CustomPosition.of(position), PermissionSet.NONE, Optional.empty());
        store.tx(() -> {
            store.roles().insert(role, PostgresGuildPorts.T0);
            return null;
        });
        return role.id();
    }

    @Test
    void concurrentPatchToModeratorAndRoleAssign_neverPassSixteenAssignments() throws Exception {
        GuildId guild = useCases.createGuild().create(new CreateGuildCommand(owner, "cap", Optional.empty())).id();
        List<RoleId> fillers = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            fillers.add(customRole(guild, i));
        }
        RoleId extra = customRole(guild, 16);
        AssignRoleUseCase assign = useCases.assignRole();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < PAIRS / 2; i++) {
            UserId user = ports.user();
            useCases.addMember().add(new MemberCommand(owner, guild, user));
            for (RoleId filler : fillers) {
                assign.assign(new RoleAssignmentCommand(owner, guild, filler, user));
            }
            List<String> pair = together(
                    () -> capped(() -> useCases.updateMemberRole().update(new UpdateMemberRoleCommand(
                            new MemberCommand(owner, guild, user), LegacyRole.MODERATOR))),
                    () -> capped(() -> assign.assign(new RoleAssignmentCommand(owner, guild, extra, user))));
            outcomes.addAll(pair);
            assertThat(store.tx(() -> store.roles().assignmentsOf(guild, user))).as("pair %d: %s", i, pair)
                    .hasSize(16);
            assertThat(pair).containsExactlyInAnyOrder("ok", "quota_exceeded");
        }
        assertThat(outcomes).contains("ok", "quota_exceeded");
    }

    private static String capped(Runnable work) {
        try {
            work.run();
            return "ok";
        } catch (ConflictException e) {
            return e.code();
        }
    }
}
