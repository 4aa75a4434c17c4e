package dev.filament.domain.guild.directory;

import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.policy.Decision;

/** The outcomes of a directory join (SPEC 6.7), with their response and audit action. */
public enum JoinOutcome {
    REJECTED_VISIBILITY("rejected_visibility", AuditAction.DIRECTORY_JOIN_REJECTED_VISIBILITY),
    REJECTED_USER_BAN("rejected_user_ban", AuditAction.DIRECTORY_JOIN_REJECTED_USER_BAN),
    REJECTED_IP_BAN("rejected_ip_ban", AuditAction.DIRECTORY_JOIN_REJECTED_IP_BAN),
    ALREADY_MEMBER("already_member", AuditAction.DIRECTORY_JOIN_ACCEPTED),
    ACCEPTED("accepted", AuditAction.DIRECTORY_JOIN_ACCEPTED);

    private final String wire;
    private final AuditAction auditAction;

    JoinOutcome(String wire, AuditAction auditAction) {
        this.wire = wire;
        this.auditAction = auditAction;
    }

    /** The {@code outcome} value in the response and the audit details. */
    public String wire() {
        return wire;
    }

    /** The audit action written for this outcome; every outcome is audited. */
    public AuditAction auditAction() {
        return auditAction;
    }

    public boolean isRejection() {
        return this != ALREADY_MEMBER && this != ACCEPTED;
    }

    /** Allowed for the two 200 outcomes; otherwise denied with the documented error. */
    public Decision decision() {
        return switch (this) {
            case REJECTED_VISIBILITY -> Decision.deny(() -> new NotFoundException("guild"));
            case REJECTED_USER_BAN -> denied(ForbiddenException.DIRECTORY_JOIN_USER_BANNED);
            case REJECTED_IP_BAN -> denied(ForbiddenException.DIRECTORY_JOIN_IP_BANNED);
            case ALREADY_MEMBER, ACCEPTED -> Decision.allow();
        };
    }

    private static Decision denied(String code) {
        return Decision.deny(() -> new ForbiddenException(code, code.replace('_', ' ')));
    }
}
