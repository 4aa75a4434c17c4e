package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.AUDIT_LOGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.AuditSamples;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit list's {@code action_prefix} is a literal prefix (SPEC 7.2): {@code _} in the prefix matches only an
 * underscore. Decoy rows whose actions differ exactly where an unescaped {@code _} would match any character are
 * written with plain SQL (they are no AuditAction, so they would also fail to map if they were ever returned).
 */
@ExtendWith(PostgresExtension.class)
class AuditLikeEscapingTest {
    private final PostgresGuildPorts ports;
    private final GuildPorts store;
    private final Guild guild;

    AuditLikeEscapingTest(TestDatabase db) {
        ports = new PostgresGuildPorts(db);
        store = ports.store();
        guild = ports.insertGuild(store, ports.user(), "audit");
    }

    private AuditEntry append(AuditAction action) {
        AuditEntry e = new AuditEntry(ports.ids().newAuditId(), guild.id(), guild.createdBy(), Optional.empty(),
                action, AuditSamples.detailsOf(action), PostgresGuildPorts.T0);
        store.unitOfWork().run(() -> store.audit().append(e));
        return e;
    }

    private void decoy(String action) {
        ports.dsl().insertInto(AUDIT_LOGS)
                .set(AUDIT_LOGS.AUDIT_ID, ports.ids().newAuditId().value())
                .set(AUDIT_LOGS.GUILD_ID, guild.id().value())
                .set(AUDIT_LOGS.ACTOR_USER_ID, guild.createdBy().value())
                .set(AUDIT_LOGS.ACTION, action)
                .set(AUDIT_LOGS.CREATED_AT, Timestamps.stored(PostgresGuildPorts.T0))
                .execute();
    }

    private List<AuditEntry> page(String prefix) {
        return store.tx(() -> store.audit().page(guild.id(), Optional.empty(), Optional.of(ActionPrefix.parse(prefix)),
                50));
    }

    private int unescapedMatches(String pattern) {
        return ports.dsl().fetchCount(AUDIT_LOGS, AUDIT_LOGS.GUILD_ID.eq(guild.id().value())
                .and(AUDIT_LOGS.ACTION.like(pattern)));
    }

    @Test
    void anUnderscoreInThePrefixIsLiteral_roleUnderscoreDoesNotMatchRolex() {
        append(AuditAction.ROLE_CREATE);
        decoy("rolex.create");
        assertThat(unescapedMatches("role_%")).as("the decoys would match an unescaped pattern").isEqualTo(2);
        assertThat(page("role_")).isEmpty();
    }

    @Test
    void aPrefixWithAnUnderscoreStillMatchesTheRealUnderscore() {
        AuditEntry hit = append(AuditAction.MODERATION_IP_BAN_HIT);
        AuditEntry add = append(AuditAction.MODERATION_IP_BAN_ADD);
        decoy("moderation.ipxban.hit");
        decoy("moderation.ip.ban.hit");
        assertThat(unescapedMatches("moderation.ip_%")).isEqualTo(4);
        assertThat(page("moderation.ip_")).containsExactlyInAnyOrder(hit, add);
        assertThat(page("moderation.ip_ban.h")).containsExactly(hit);
    }
}
