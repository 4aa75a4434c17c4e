package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.application.guild.port.in.ListGuildsUseCase;
import dev.filament.application.guild.port.in.ListPublicGuildsUseCase.ListPublicGuildsQuery;
import dev.filament.application.guild.port.in.ListPublicGuildsUseCase;
import dev.filament.application.guild.port.in.UpdateGuildUseCase.UpdateGuildCommand;
import dev.filament.application.guild.port.in.UpdateGuildUseCase;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuildServicesTest {
    private final GuildFixture f = new GuildFixture();
    private final CreateGuildUseCase create = f.graph.createGuild();
    private final ListGuildsUseCase list = f.graph.listGuilds();
    private final ListPublicGuildsUseCase listPublic = f.graph.listPublicGuilds();
    private final UpdateGuildUseCase update = f.graph.updateGuild();
    private final UserId alice = f.newUser();

    private Guild create(UserId user, String name, Visibility visibility) {
        return create.create(new CreateGuildCommand(user, name, Optional.of(visibility)));
    }

    @Test
    void createSeedsFourRolesMembershipAndOwnerAssignment_withoutAuditOrEvent() {
        Guild g = create.create(new CreateGuildCommand(alice, " Cafe ", Optional.empty()));
        assertThat(g.name().value()).isEqualTo(" Cafe ");
        assertThat(g.visibility()).isEqualTo(Visibility.PRIVATE);
        List<Role> roles = f.store.tx(() -> f.store.roles().listOf(g.id()));
        assertThat(roles).extracting(Role::name)
                .containsExactly("workspace_owner", "moderator", "member", "@everyone");
        assertThat(f.store.tx(() -> f.store.members().isMember(g.id(), alice))).isTrue();
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(g.id(), alice)))
                .containsExactly(f.seeded(g.id(), SystemRoleKey.WORKSPACE_OWNER).id());
        assertThat(f.db.auditRows()).isEmpty();
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void givenFiveCreatedGuilds_create_is403AndWritesNothing() {
        for (int i = 0; i < 5; i++) {
            create(alice, "g" + i, Visibility.PRIVATE);
        }
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> create(alice, "sixth", Visibility.PRIVATE))
                .isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "guild_creation_limit_reached");
        assertThat(f.db.fingerprint()).isEqualTo(before);
        create(f.newUser(), "someone else", Visibility.PRIVATE);
    }

    @Test
    void configuredCapApplies() {
        GuildFixture one = new GuildFixture(new GuildSettings(Optional.empty(), 1, 100, 4096,
                GuildSettings.defaults().infrastructure()));
        UserId u = one.newUser();
        CreateGuildUseCase c = one.graph.createGuild();
        c.create(new CreateGuildCommand(u, "a", Optional.empty()));
        assertThatThrownBy(() -> c.create(new CreateGuildCommand(u, "b", Optional.empty())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void badNameIs400AndWritesNothing() {
        String before = f.db.fingerprint();
        for (String bad : new String[] {"", "   ", "caf\u00e9", "x".repeat(65)}) {
            assertThatThrownBy(() -> create(alice, bad, Visibility.PUBLIC)).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }

    @Test
    void listReturnsOnlyMembershipsNewestFirst() {
        Guild a = create(alice, "a", Visibility.PRIVATE);
        f.clock.advance(Duration.ofSeconds(1));
        Guild b = create(alice, "b", Visibility.PUBLIC);
        create(f.newUser(), "not mine", Visibility.PUBLIC);
        assertThat(list.list(alice)).containsExactly(b, a);
    }

    @Test
    void publicListFiltersByLiteralCaseInsensitiveSubstringAndLimit() {
        UserId bob = f.newUser();
        Guild cats = create(alice, "Cats_100%", Visibility.PUBLIC);
        f.clock.advance(Duration.ofSeconds(1));
        Guild dogs = create(bob, "Dogs", Visibility.PUBLIC);
        create(bob, "Cats private", Visibility.PRIVATE);
        assertThat(listPublic.list(ListPublicGuildsQuery.parse(alice, Optional.of("  CATS_1 "), OptionalInt.empty())))
                .containsExactly(cats);
        assertThat(listPublic.list(ListPublicGuildsQuery.parse(alice, Optional.of("s_"), OptionalInt.empty())))
                .containsExactly(cats);
        assertThat(listPublic.list(ListPublicGuildsQuery.parse(alice, Optional.empty(), OptionalInt.of(1))))
                .containsExactly(dogs);
        assertThatThrownBy(() -> ListPublicGuildsQuery.parse(alice, Optional.empty(), OptionalInt.of(51)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ListPublicGuildsQuery.parse(alice, Optional.of("x".repeat(65)), OptionalInt.empty()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void updatePublishesOnlyChangedFieldsAfterCommit() {
        Guild g = create(alice, "old", Visibility.PRIVATE);
        Guild after = update.update(new UpdateGuildCommand(alice, g.id(), Optional.of("new"),
                Optional.of(Visibility.PRIVATE)));
        assertThat(after.name().value()).isEqualTo("new");
        assertThat(f.store.tx(() -> f.store.guilds().find(g.id()))).contains(after);
        assertThat(f.handOffs.events("workspace_update")).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .isEqualTo("{\"guild_id\":\"" + g.id() + "\",\"updated_fields\":{\"name\":\"new\"},"
                        + "\"updated_at_unix\":" + f.clock.instant().getEpochSecond() + ",\"actor_user_id\":\""
                        + alice + "\"}"));
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
        f.handOffs.clear();
        update.update(new UpdateGuildCommand(alice, g.id(), Optional.of("new"), Optional.empty()));
        assertThat(f.handOffs.log()).isEmpty();
        assertThat(f.db.auditRows()).isEmpty();
    }

    @Test
    void updateNeedsManageRolesAndAKey() {
        Guild g = create(alice, "g", Visibility.PRIVATE);
        UserId member = f.newMember(g.id());
        assertThatThrownBy(() -> update.update(new UpdateGuildCommand(member, g.id(), Optional.of("x"),
                Optional.empty()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new UpdateGuildCommand(alice, g.id(), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(f.store.tx(() -> f.store.guilds().find(g.id()))).contains(g);
    }

    @Test
    void badNameOnUpdateIs400AndChangesNothing() {
        Guild g = create(alice, "g", Visibility.PRIVATE);
        assertThatThrownBy(() -> update.update(new UpdateGuildCommand(alice, g.id(), Optional.of(" "),
                Optional.of(Visibility.PUBLIC)))).isInstanceOf(InvalidRequestException.class);
        assertThat(f.store.tx(() -> f.store.guilds().find(g.id()))).contains(g);
        assertThat(f.handOffs.log()).isEmpty();
    }
}
