package dev.filament.application.guild.port.in;


/**
 * Use case: ban a user from a guild (SPEC 6.3 {@code POST /guilds/{g}/members/{u}/ban}). Answered as
 * {@code Accepted}; audits {@code member.ban}; post-commit effects of SPEC 6.4.
 */
public interface BanMemberUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 unknown user
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, protected target, hierarchy
     */
    void ban(MemberCommand command);
}
