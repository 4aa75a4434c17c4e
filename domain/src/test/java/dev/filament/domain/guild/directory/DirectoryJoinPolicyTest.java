package dev.filament.domain.guild.directory;

import static dev.filament.domain.guild.GuildFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.filament.domain.guild.audit.AuditAction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 6.7: every combination of the four conditions resolves to the first matching row of the table. */
class DirectoryJoinPolicyTest {

    static Stream<Arguments> allSixteenCombinations() {
        return IntStream.range(0, 16).mapToObj(bits -> {
            boolean isPublic = (bits & 1) != 0;
            boolean userBanned = (bits & 2) != 0;
            boolean ipBanned = (bits & 4) != 0;
            boolean member = (bits & 8) != 0;
            JoinOutcome expected = !isPublic ? JoinOutcome.REJECTED_VISIBILITY
                    : userBanned ? JoinOutcome.REJECTED_USER_BAN
                    : ipBanned ? JoinOutcome.REJECTED_IP_BAN
                    : member ? JoinOutcome.ALREADY_MEMBER
                    : JoinOutcome.ACCEPTED;
            return arguments(isPublic, userBanned, ipBanned, member, expected);
        });
    }

    @ParameterizedTest(name = "public={0} userBan={1} ipBan={2} member={3} -> {4}")
    @MethodSource("allSixteenCombinations")
    void firstMatchingRowWins(boolean isPublic, boolean userBanned, boolean ipBanned, boolean member,
                              JoinOutcome expected) {
        var facts = new DirectoryJoinPolicy.Facts(isPublic, userBanned, ipBanned, member);

        assertThat(DirectoryJoinPolicy.decide(facts)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "REJECTED_VISIBILITY, rejected_visibility, not_found, directory.join.rejected.visibility",
            "REJECTED_USER_BAN, rejected_user_ban, directory_join_user_banned, directory.join.rejected.user_ban",
            "REJECTED_IP_BAN, rejected_ip_ban, directory_join_ip_banned, directory.join.rejected.ip_ban",
            "ALREADY_MEMBER, already_member, allowed, directory.join.accepted",
            "ACCEPTED, accepted, allowed, directory.join.accepted"})
    void eachOutcomeHasItsResponseAndAuditAction(JoinOutcome outcome, String wire, String response,
                                                 String auditAction) {
        assertThat(outcome.wire()).isEqualTo(wire);
        assertThat(outcome(outcome.decision())).isEqualTo(response);
        assertThat(outcome.auditAction().wire()).isEqualTo(auditAction);
        assertThat(outcome.isRejection()).isEqualTo(!"allowed".equals(response));
        assertThat(outcome.auditAction().ipBanMatch()).isEqualTo(outcome == JoinOutcome.REJECTED_IP_BAN);
        assertThat(AuditAction.fromWire(auditAction)).contains(outcome.auditAction());
    }
}
