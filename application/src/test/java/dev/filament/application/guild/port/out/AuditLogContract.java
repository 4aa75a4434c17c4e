package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract every {@link AuditLog} keeps. */
public abstract class AuditLogContract extends GuildPortContractSupport {

    private AuditEntry entry(Guild g, AuditAction action, long second) {
        UserId actor = g.createdBy();
        return new AuditEntry(ids.newAuditId(), g.id(), actor, Optional.of(createUser()), action,
                AuditSamples.detailsOf(action), T0.plusSeconds(second));
    }

    @Test
    void pagesAreCreatedAtDescThenIdDescExclusiveAndScopedToTheGuild() {
        Guild g = newGuild();
        List<AuditEntry> rows = List.of(entry(g, AuditAction.MEMBER_KICK, 1), entry(g, AuditAction.MEMBER_BAN, 2),
                entry(g, AuditAction.ROLE_CREATE, 2), entry(g, AuditAction.MODERATION_IP_BAN_HIT, 3));
        run(() -> rows.forEach(store.audit()::append));
        run(() -> store.audit().append(entry(newGuild(), AuditAction.MEMBER_KICK, 2)));
        List<AuditEntry> sorted = rows.stream()
                .sorted(Comparator.comparing(AuditEntry::createdAt).thenComparing(AuditEntry::auditId).reversed())
                .toList();
        List<AuditEntry> first = tx(() -> store.audit().page(g.id(), Optional.empty(), Optional.empty(), 2));
        assertThat(first).extracting(AuditEntry::auditId)
                .containsExactlyElementsOf(sorted.subList(0, 2).stream().map(AuditEntry::auditId).toList());
        TimeCursor c = new TimeCursor(first.getLast().createdAtUnix(), first.getLast().auditId().value());
        assertThat(tx(() -> store.audit().page(g.id(), Optional.of(c), Optional.empty(), 5)))
                .extracting(AuditEntry::auditId)
                .containsExactlyElementsOf(sorted.subList(2, 4).stream().map(AuditEntry::auditId).toList());
    }

    @Test
    void prefixIsALiteralPrefixAndRowsRoundTrip() {
        Guild g = newGuild();
        AuditEntry kick = entry(g, AuditAction.MEMBER_KICK, 1);
        AuditEntry role = entry(g, AuditAction.ROLE_COLOR_UPDATE, 2);
        run(() -> { store.audit().append(kick); store.audit().append(role); });
        assertThat(tx(() -> store.audit().page(g.id(), Optional.empty(), Optional.of(ActionPrefix.parse("member.")),
                10))).containsExactly(kick);
        assertThat(tx(() -> store.audit().page(g.id(), Optional.empty(), Optional.of(ActionPrefix.parse("member_")),
                10))).isEmpty();
        assertThat(tx(() -> store.audit().page(g.id(), Optional.empty(), Optional.of(ActionPrefix.parse("role")),
                10))).singleElement().satisfies(e -> {
                    assertThat(e).isEqualTo(role);
                    assertThat(e.details()).isEqualTo(new AuditDetails.RoleColorChanged("R1", null));
                });
    }
}
