package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.in.CreateRoleUseCase.CreateRoleCommand;
import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fixture's fake stores roll back with its unit of work: a use case failing after a write leaves no row. */
class UseCaseRollbackTest {
    private final GuildFixture f = new GuildFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);

    @Test
    void givenTheAuditWriteFails_createRole_leavesNoRole_andPublishesNothing() {
        AtomicReference<List<Role>> rolesWhenAuditing = new AtomicReference<>();
        AuditLog failing = new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                rolesWhenAuditing.set(f.store.roles().listOf(guild.id()));
                throw new IllegalStateException("audit store down");
            }

            @Override
            public List<AuditEntry> page(GuildId g, Optional<TimeCursor> after, Optional<ActionPrefix> prefix,
                    int limit) {
                return f.store.audit().page(g, after, prefix, limit);
            }
        };
        List<Role> rolesBefore = roles();
        String before = f.db.fingerprint();
        f.handOffs.clear();

        assertThatThrownBy(() -> graphWith(failing).createRole().create(new CreateRoleCommand(owner, guild.id(),
                "mods", PermissionSet.NONE, OptionalInt.empty(), Optional.empty())))
                .isInstanceOf(IllegalStateException.class).hasMessage("audit store down");

        assertThat(rolesWhenAuditing.get()).as("the role was written before the failure")
                .hasSize(rolesBefore.size() + 1);
        assertThat(roles()).as("and rolled back with the transaction").isEqualTo(rolesBefore);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void withoutAFailure_createRole_keepsItsRowAndAuditEntry() {
        List<Role> rolesBefore = roles();

        Role created = f.graph.createRole().create(new CreateRoleCommand(owner, guild.id(), "mods",
                PermissionSet.NONE, OptionalInt.empty(), Optional.empty()));

        assertThat(roles()).hasSize(rolesBefore.size() + 1).contains(created);
        assertThat(f.db.auditRows()).isNotEmpty();
    }

    private List<Role> roles() {
        return f.store.tx(() -> f.store.roles().listOf(guild.id()));
    }

    private GuildGraph graphWith(AuditLog audit) {
        GuildPorts s = f.store;
        GuildPorts ports = new GuildPorts(s.unitOfWork(), s.guilds(), s.channels(), s.roles(), s.members(),
                s.bans(), s.ipBans(), s.observations(), audit, s.users(), s.access());
        HandOffs handOffs = new HandOffs(f.handOffs, new SimpleJsonSerializer(), f.handOffs, f.handOffs, f.handOffs);
        return new GuildGraph(ports, f.settings, f.ids, f.clock, handOffs, f.throttle);
    }
}
