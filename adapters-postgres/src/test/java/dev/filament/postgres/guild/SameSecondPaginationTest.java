package dev.filament.postgres.guild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.net.Cidr;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC 1.9 on PostgreSQL: many rows in the same second; walking the time-ordered lists page by page with the cursor
 * {@code (created_at, id)} returns every row exactly once, in {@code created_at DESC, id DESC} order.
 */
@ExtendWith(PostgresExtension.class)
class SameSecondPaginationTest {
    private static final int ROWS = 23;
    private static final int LIMIT = 5;
    private static final Instant SECOND = PostgresGuildPorts.T0.plusSeconds(42);

    private final PostgresGuildPorts ports;
    private final GuildPorts store;
    private final Guild guild;

    SameSecondPaginationTest(TestDatabase db) {
        ports = new PostgresGuildPorts(db);
        store = ports.store();
        guild = ports.insertGuild(store, ports.user(), "pages");
    }

    /** Follows next cursors until a short page; fails on a repeated row instead of looping. */
    private static <T> List<T> walk(Function<Optional<TimeCursor>, List<T>> page, Function<T, TimeCursor> key) {
        List<T> seen = new ArrayList<>();
        Optional<TimeCursor> cursor = Optional.empty();
        while (true) {
            List<T> rows = page.apply(cursor);
            assertThat(rows).as("a page never repeats a row").noneMatch(seen::contains);
            seen.addAll(rows);
            if (rows.size() < LIMIT) {
                return seen;
            }
            cursor = Optional.of(key.apply(rows.getLast()));
        }
    }

    @Test
    void auditPagesOfOneSecondAreCompleteAndOrderedByIdDescending() {
        List<AuditEntry> rows = IntStream.range(0, ROWS).mapToObj(i -> new AuditEntry(ports.ids().newAuditId(),
                guild.id(), guild.createdBy(), Optional.empty(), AuditAction.MEMBER_KICK, new AuditDetails.None(),
                i % 2 == 0 ? SECOND : SECOND.plusMillis(700))).toList();
        store.unitOfWork().run(() -> rows.forEach(store.audit()::append));
        List<AuditEntry> walked = walk(c -> store.tx(() -> store.audit().page(guild.id(), c, Optional.empty(), LIMIT)),
                e -> new TimeCursor(e.createdAtUnix(), e.auditId().value()));
        assertThat(walked).containsExactlyElementsOf(
                rows.stream().sorted(Comparator.comparing(AuditEntry::auditId).reversed()).toList());
    }

    @Test
    void banPagesOfOneSecondAreCompleteAndOrderedByUserIdDescending() {
        List<GuildBan> rows = IntStream.range(0, ROWS)
                .mapToObj(i -> new GuildBan(guild.id(), ports.user(), Optional.empty(), SECOND)).toList();
        store.unitOfWork().run(() -> rows.forEach(store.bans()::insertIfAbsent));
        List<GuildBan> walked = walk(c -> store.tx(() -> store.bans().page(guild.id(), c, LIMIT)), GuildBan::cursor);
        assertThat(walked).containsExactlyElementsOf(
                rows.stream().sorted(Comparator.comparing(GuildBan::user).reversed()).toList());
    }

    @Test
    void ipBanPagesOfOneSecondAreCompleteAndOrderedByBanIdDescending() {
        List<IpBan> rows = IntStream.range(0, ROWS).mapToObj(i -> new IpBan(ports.ids().newIpBanId(), guild.id(),
                Cidr.parse("192.0.2." + i + "/32").orElseThrow(), Optional.empty(), "", guild.createdBy(), SECOND,
                Optional.empty())).toList();
        store.unitOfWork().run(() -> store.ipBans().insertAll(rows));
        List<IpBan> walked = walk(c -> store.tx(() -> store.ipBans().activePage(guild.id(), SECOND, c, LIMIT)),
                b -> new TimeCursor(b.createdAt().getEpochSecond(), b.id().value()));
        assertThat(walked).containsExactlyElementsOf(
                rows.stream().sorted(Comparator.comparing((IpBan b) -> b.id()).reversed()).toList());
    }

    @Test
    void auditWalkSeesEveryEarlierRowOnceWhileNewRowsArriveBetweenPages() {
        List<AuditEntry> rows = IntStream.range(0, ROWS).mapToObj(i -> audit(SECOND)).toList();
        store.unitOfWork().run(() -> rows.forEach(store.audit()::append));
        int[] pages = {0};
        List<AuditEntry> walked = walk(c -> {
            List<AuditEntry> page = store.tx(() -> store.audit().page(guild.id(), c, Optional.empty(), LIMIT));
            // concurrent writers: newer rows, in a later second and in the walked second with higher ids
            AuditEntry later = audit(SECOND.plusSeconds(1 + pages[0]++));
            AuditEntry sameSecond = audit(SECOND);
            store.unitOfWork().run(() -> List.of(later, sameSecond).forEach(store.audit()::append));
            return page;
        }, e -> new TimeCursor(e.createdAtUnix(), e.auditId().value()));
        assertThat(walked).as("every row that existed when the walk began, exactly once")
                .containsAll(rows).doesNotHaveDuplicates();
    }

    @Test
    void memberWalkSeesEveryEarlierMemberOnceWhileMembersJoinBetweenPages() {
        List<dev.filament.domain.id.UserId> members = IntStream.range(0, ROWS).mapToObj(i -> ports.user()).toList();
        store.unitOfWork().run(() -> members.forEach(u -> store.members().insertIfAbsent(guild.id(), u, SECOND)));
        List<dev.filament.domain.id.UserId> walked = new ArrayList<>();
        Optional<dev.filament.domain.id.UserId> cursor = Optional.empty();
        for (int guard = 0; guard < 100; guard++) {
            Optional<dev.filament.domain.id.UserId> after = cursor;
            var page = store.tx(() -> store.members().page(guild.id(), after, LIMIT));
            page.forEach(m -> walked.add(m.user()));
            dev.filament.domain.id.UserId joiner = ports.user();
            store.unitOfWork().run(() -> store.members().insertIfAbsent(guild.id(), joiner, SECOND));
            if (page.size() < LIMIT) {
                break;
            }
            cursor = Optional.of(page.getLast().user());
        }
        assertThat(walked).containsAll(members).doesNotHaveDuplicates();
    }

    private AuditEntry audit(Instant at) {
        return new AuditEntry(ports.ids().newAuditId(), guild.id(), guild.createdBy(), Optional.empty(),
                AuditAction.MEMBER_KICK, new AuditDetails.None(), at);
    }
}
