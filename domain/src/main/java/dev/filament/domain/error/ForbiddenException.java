package dev.filament.domain.error;

/** The caller may not do this (403); the code distinguishes the documented reasons. */
public final class ForbiddenException extends FilamentException {
    public static final String FORBIDDEN = "forbidden";
    public static final String AUDIT_ACCESS_DENIED = "audit_access_denied";
    public static final String DIRECTORY_JOIN_USER_BANNED = "directory_join_user_banned";
    public static final String DIRECTORY_JOIN_IP_BANNED = "directory_join_ip_banned";
    public static final String GUILD_CREATION_LIMIT_REACHED = "guild_creation_limit_reached";

    public ForbiddenException(String code, String reason) {
        super(code, reason);
    }

    public static ForbiddenException because(String reason) {
        return new ForbiddenException(FORBIDDEN, reason);
    }
}
