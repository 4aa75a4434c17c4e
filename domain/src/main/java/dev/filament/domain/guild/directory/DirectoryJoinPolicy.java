package dev.filament.domain.guild.directory;

/** Policy: the outcome of {@code POST /guilds/{g}/join} once the guild exists; the first matching row wins. */
public final class DirectoryJoinPolicy {

    /** What the join knows about the guild and the caller when it decides. */
    public record Facts(boolean guildIsPublic, boolean callerIsBanned, boolean clientIpIsBanned,
                        boolean callerIsMember) {
    }

    private DirectoryJoinPolicy() {
    }

    /** The precedence table of SPEC 6.7. */
    public static JoinOutcome decide(Facts facts) {
        if (!facts.guildIsPublic()) {
            return JoinOutcome.REJECTED_VISIBILITY;
        }
        if (facts.callerIsBanned()) {
            return JoinOutcome.REJECTED_USER_BAN;
        }
        if (facts.clientIpIsBanned()) {
            return JoinOutcome.REJECTED_IP_BAN;
        }
        if (facts.callerIsMember()) {
            return JoinOutcome.ALREADY_MEMBER;
        }
        return JoinOutcome.ACCEPTED;
    }
}
