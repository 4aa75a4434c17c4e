package dev.filament.application.guild.port.in;


/**
 * Use case: lift a ban (SPEC 6.3 {@code DELETE /guilds/{g}/bans/{u}}). Answered as {@code Accepted}; audits
 * {@code member.unban}; no event.
 */
public interface UnbanUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 no ban row
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder
     */
    void unban(MemberCommand command);
}
