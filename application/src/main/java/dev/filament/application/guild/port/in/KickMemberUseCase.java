package dev.filament.application.guild.port.in;


/**
 * Use case: kick a member (SPEC 6.2 {@code POST /guilds/{g}/members/{u}/kick}). Answered as {@code Accepted}; audits
 * {@code member.kick}; post-commit effects of SPEC 6.4.
 */
public interface KickMemberUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 target not a member
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, protected target, hierarchy
     */
    void kick(MemberCommand command);
}
