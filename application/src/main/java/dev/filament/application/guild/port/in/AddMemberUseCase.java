package dev.filament.application.guild.port.in;

/**
 * Use case: add a user to a guild (SPEC 6.1 {@code POST /guilds/{g}/members/{u}}). Answered as {@code Accepted};
 * publishes {@code workspace_member_add} (with actor) unless already a member; no audit.
 */
public interface AddMemberUseCase {

    /**
     * @throws dev.filament.domain.error.NotFoundException 404 unknown user
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, or the user is banned in G
     */
    void add(MemberCommand command);
}
