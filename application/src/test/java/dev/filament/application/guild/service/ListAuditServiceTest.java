package dev.filament.application.guild.service;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.port.in.ListAuditUseCase.ListAuditQuery;
import dev.filament.application.guild.port.in.ListAuditUseCase;
import dev.filament.application.guild.port.out.AuditSamples;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListAuditServiceTest {
    private final GuildFixture f = new GuildFixture();
    private final ListAuditUseCase list = f.graph.listAudit();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);

    private List<AuditEntry> seed(int count, long seed) {
        Random random = new Random(seed);
        AuditAction[] actions = {AuditAction.MEMBER_KICK, AuditAction.MEMBER_BAN, AuditAction.ROLE_CREATE,
                AuditAction.MODERATION_IP_BAN_HIT, AuditAction.ROLE_COLOR_UPDATE};
        List<AuditEntry> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditAction action = actions[random.nextInt(actions.length)];
            AuditEntry e = new AuditEntry(f.ids.newAuditId(), guild.id(), owner, Optional.empty(), action,
                    AuditSamples.detailsOf(action), f.clock.instant().plusSeconds(random.nextInt(5)));
            f.store.tx(() -> {
                f.store.audit().append(e);
                return null;
            });
            rows.add(e);
        }
        rows.sort(Comparator.comparing(AuditEntry::createdAt).thenComparing(AuditEntry::auditId).reversed());
        return rows;
    }

    private Page<AuditEntry> page(UserId user, Optional<String> cursor, int limit, Optional<String> prefix) {
        return list.list(new ListAuditQuery(user, guild.id(), cursor, OptionalInt.of(limit), prefix));
    }

    @Test
    void walkingAllPagesReturnsEveryRowOnce_withAndWithoutPrefix() {
        List<AuditEntry> rows = seed(60, 99);
        for (int limit : new int[] {1, 6, 25, 60, 100}) {
            assertThat(Pagination.walk(limit, (c, l) -> page(owner, c, l, Optional.empty())))
                    .containsExactlyElementsOf(rows);
            assertThat(Pagination.walk(limit, (c, l) -> page(owner, c, l, Optional.of("role."))))
                    .containsExactlyElementsOf(rows.stream().filter(e -> e.action().wire().startsWith("role."))
                            .toList());
        }
        assertThat(page(owner, Optional.empty(), 100, Optional.of("member_"))).extracting(Page::items)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
    }

    @Test
    void accessNeedsViewAuditLogOrServerOwner() {
        seed(3, 1);
        UserId plain = f.newMember(guild.id());
        UserId viewer = f.memberWith(guild.id(), 2, Permission.VIEW_AUDIT_LOG);
        UserId mod = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        assertThatThrownBy(() -> page(plain, Optional.empty(), 10, Optional.empty()))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "audit_access_denied");
        assertThatThrownBy(() -> page(f.newUser(), Optional.empty(), 10, Optional.empty()))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "audit_access_denied");
        assertThat(page(viewer, Optional.empty(), 10, Optional.empty()).items()).hasSize(3);
        assertThat(page(mod, Optional.empty(), 10, Optional.empty()).items()).hasSize(3);
        assertThatThrownBy(() -> list.list(new ListAuditQuery(owner, f.ids.newGuildId(), Optional.empty(),
                OptionalInt.empty(), Optional.empty()))).isInstanceOf(NotFoundException.class);
        UserId serverOwner = f.newUser();
        GuildFixture s = new GuildFixture(GuildSettings.defaults().withServerOwner(serverOwner));
        Guild other = s.newGuild(s.newUser());
        assertThat(s.graph.listAudit().list(new ListAuditQuery(serverOwner, other.id(), Optional.empty(),
                OptionalInt.empty(), Optional.empty())).items()).isEmpty();
    }

    @Test
    void queryValuesAreCheckedBeforeAccess() {
        UserId stranger = f.newUser();
        for (ListAuditQuery bad : List.of(
                new ListAuditQuery(stranger, guild.id(), Optional.of("abc"), OptionalInt.empty(), Optional.empty()),
                new ListAuditQuery(stranger, guild.id(), Optional.empty(), OptionalInt.of(101), Optional.empty()),
                new ListAuditQuery(stranger, guild.id(), Optional.empty(), OptionalInt.of(0), Optional.empty()),
                new ListAuditQuery(stranger, guild.id(), Optional.empty(), OptionalInt.empty(), Optional.of("Role")),
                new ListAuditQuery(stranger, guild.id(), Optional.empty(), OptionalInt.empty(), Optional.of("")))) {
            assertThatThrownBy(() -> list.list(bad)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void fullLastPageIsFollowedByOneEmptyPage() {
        seed(4, 5);
        Page<AuditEntry> first = page(owner, Optional.empty(), 4, Optional.empty());
        assertThat(first.nextCursor()).isPresent();
        Page<AuditEntry> second = page(owner, first.nextCursor(), 4, Optional.empty());
        assertThat(second.items()).isEmpty();
        assertThat(second.nextCursor()).isEmpty();
        assertThat(first.nextCursor().get()).isEqualTo(first.items().getLast().createdAtUnix() + "_"
                + first.items().getLast().auditId().value());
    }
}
