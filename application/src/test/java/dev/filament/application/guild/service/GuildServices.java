package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.AddMemberUseCase;
import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.BanMemberUseCase;
import dev.filament.application.guild.port.in.CreateChannelUseCase;
import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase;
import dev.filament.application.guild.port.in.CreateRoleUseCase;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase;
import dev.filament.application.guild.port.in.DeleteRoleUseCase;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase;
import dev.filament.application.guild.port.in.JoinGuildUseCase;
import dev.filament.application.guild.port.in.KickMemberUseCase;
import dev.filament.application.guild.port.in.ListAuditUseCase;
import dev.filament.application.guild.port.in.ListBansUseCase;
import dev.filament.application.guild.port.in.ListChannelsUseCase;
import dev.filament.application.guild.port.in.ListGuildsUseCase;
import dev.filament.application.guild.port.in.ListIpBansUseCase;
import dev.filament.application.guild.port.in.ListMembersUseCase;
import dev.filament.application.guild.port.in.ListPublicGuildsUseCase;
import dev.filament.application.guild.port.in.ListRolesUseCase;
import dev.filament.application.guild.port.in.ReorderRolesUseCase;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.application.guild.port.in.UnbanUseCase;
import dev.filament.application.guild.port.in.UpdateGuildUseCase;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase;
import dev.filament.application.guild.port.in.UpdateRoleUseCase;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase;

/** Test fixture: every guild use case of SPEC 5-7 from one {@link GuildGraph}, for tests that drive many of them. */
public record GuildServices(
        CreateGuildUseCase createGuild, ListGuildsUseCase listGuilds, UpdateGuildUseCase updateGuild,
        ListPublicGuildsUseCase listPublicGuilds, JoinGuildUseCase joinGuild,
        CreateChannelUseCase createChannel, ListChannelsUseCase listChannels,
        GetSelfPermissionsUseCase getSelfPermissions, UpsertChannelOverrideUseCase upsertChannelOverride,
        ListRolesUseCase listRoles, CreateRoleUseCase createRole, UpdateRoleUseCase updateRole,
        DeleteRoleUseCase deleteRole, ReorderRolesUseCase reorderRoles, SetDefaultJoinRoleUseCase setDefaultJoinRole,
        AssignRoleUseCase assignRole, UnassignRoleUseCase unassignRole,
        ListMembersUseCase listMembers, AddMemberUseCase addMember, UpdateMemberRoleUseCase updateMemberRole,
        KickMemberUseCase kickMember, BanMemberUseCase banMember, ListBansUseCase listBans, UnbanUseCase unban,
        ListIpBansUseCase listIpBans, CreateIpBansByUserUseCase createIpBansByUser, DeleteIpBanUseCase deleteIpBan,
        ListAuditUseCase listAudit) {
}
