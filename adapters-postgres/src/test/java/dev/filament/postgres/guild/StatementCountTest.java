package dev.filament.postgres.guild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.guild.port.in.ListChannelsUseCase.ListChannelsQuery;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.Jooq;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No N+1: the reads behind member pages, the access ladder and the channel list cost a constant number of statements. */
@ExtendWith(PostgresExtension.class)
class StatementCountTest {
    private final AtomicInteger statements = new AtomicInteger();
    private final PostgresGuildPorts ports;
    private final GuildPorts store;

    StatementCountTest(TestDatabase db) {
        ports = new PostgresGuildPorts(db);
        DSLContext counted = DSL.using(Jooq.dsl(db.dataSource()).configuration()
                .deriveAppending(ExecuteListener.onExecuteStart(ctx -> statements.incrementAndGet())));
        JooqUnitOfWork unitOfWork = new JooqUnitOfWork(counted, Duration.ofSeconds(5), Duration.ofSeconds(2),
                new RequestBudget());
        store = PostgresGuildPorts.over(unitOfWork);
    }

    private <T> int statementsOf(Supplier<T> work) {
        statements.set(0);
        store.tx(work);
        return statements.get();
    }

    private Role role(Guild g, int position) {
        Role r = Role.createCustom(ports.ids().newRoleId(), g.id(), RoleName.of("r" + position),
                CustomPosition.of(position), PermissionSet.NONE, Optional.empty());
        store.unitOfWork().run(() -> store.roles().insert(r, PostgresGuildPorts.T0));
        return r;
    }

    private void addChannels(Guild g, int count, Role denied) {
        store.unitOfWork().run(() -> {
            for (int i = 0; i < count; i++) {
                Channel c = new Channel(ports.ids().newChannelId(), g.id(), ChannelName.of("c" + i), ChannelKind.TEXT,
                        PostgresGuildPorts.T0);
                store.channels().insert(c);
                store.channels().upsertOverride(g.id(), c.id(), ChannelOverride.forRole(denied.id(),
                        PermissionSet.NONE, PermissionSet.of(Permission.CREATE_MESSAGE)), PostgresGuildPorts.T0);
            }
        });
    }

    @Test
    void aPageOfThirtyMembersWithTheirRoleIdsIsOneStatement() {
        Guild g = ports.insertGuild(store, ports.user(), "members");
        Role a = role(g, 10);
        Role b = role(g, 20);
        store.unitOfWork().run(() -> {
            for (int i = 0; i < 30; i++) {
                UserId u = ports.user();
                store.members().insertIfAbsent(g.id(), u, PostgresGuildPorts.T0);
                store.roles().assign(g.id(), a.id(), u, PostgresGuildPorts.T0);
                store.roles().assign(g.id(), b.id(), u, PostgresGuildPorts.T0);
            }
        });
        List<MemberEntry> page = store.tx(() -> store.members().page(g.id(), Optional.empty(), 50));
        assertThat(page).hasSize(31).filteredOn(m -> !m.user().equals(g.createdBy()))
                .allSatisfy(m -> assertThat(m.roleIds()).containsExactlyElementsOf(
                        List.of(a.id(), b.id()).stream().sorted().toList()));
        assertThat(statementsOf(() -> store.members().page(g.id(), Optional.empty(), 50))).isEqualTo(1);
    }

    @Test
    void eachAccessLoaderReadIsOneStatement() {
        Guild g = ports.insertGuild(store, ports.user(), "ladder");
        addChannels(g, 1, role(g, 5));
        Channel c = store.tx(() -> store.channels().listOf(g.id())).getFirst();
        assertThat(statementsOf(() -> store.access().guild(g.id()))).isEqualTo(1);
        assertThat(statementsOf(() -> store.access().membership(g.id(), g.createdBy()))).isEqualTo(1);
        assertThat(statementsOf(() -> store.access().channel(g.id(), c.id()))).isEqualTo(1);
    }

    @Test
    void membershipsOfAFullBatchIsOneStatement() {
        Guild g = ports.insertGuild(store, ports.user(), "crowd");
        Role a = role(g, 10);
        List<UserId> asked = new java.util.ArrayList<>();
        store.unitOfWork().run(() -> {
            for (int i = 0; i < AccessLoader.MAX_BATCH; i++) {
                UserId u = ports.user();
                asked.add(u);
                if (i % 2 == 0) {
                    store.members().insertIfAbsent(g.id(), u, PostgresGuildPorts.T0);
                    store.roles().assign(g.id(), a.id(), u, PostgresGuildPorts.T0);
                }
            }
        });
        var found = store.tx(() -> store.access().memberships(g.id(), asked));
        assertThat(found).hasSize(AccessLoader.MAX_BATCH / 2).allSatisfy((user, roles) ->
                assertThat(roles).containsExactly(a.id()));
        assertThat(statementsOf(() -> store.access().memberships(g.id(), asked))).isEqualTo(1);
    }

    @Test
    void listingChannelsCostsTheSameStatementsForThreeChannelsAsForForty() {
        GuildServices useCases = new GuildWorld().useCases(store);
        Guild small = ports.insertGuild(store, ports.user(), "small");
        Guild large = ports.insertGuild(store, ports.user(), "large");
        addChannels(small, 3, role(small, 5));
        addChannels(large, 40, role(large, 5));
        int forSmall = statementsOf(() -> useCases.listChannels().list(
                new ListChannelsQuery(small.createdBy(), GuildWorld.IP, small.id())));
        int forLarge = statementsOf(() -> useCases.listChannels().list(
                new ListChannelsQuery(large.createdBy(), GuildWorld.IP, large.id())));
        // one statement per channel would add 37 here
        assertThat(forLarge).isEqualTo(forSmall);
    }
}
