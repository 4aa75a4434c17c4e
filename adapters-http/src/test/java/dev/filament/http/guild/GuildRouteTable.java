package dev.filament.http.guild;

import java.util.List;

/** Every route of the guild modules (SPEC 0 rows Guilds, Audit, Members, Bans, Roles, Channels, IP bans). */
final class GuildRouteTable {
    /** One route: method and a path template using {@code {g} {u} {r} {c} {id}} placeholders. */
    record Route(String method, String template, boolean hasBody) {
        String path(String g, String u, String r, String c, String id) {
            return template.replace("{g}", g).replace("{u}", u).replace("{r}", r).replace("{c}", c)
                    .replace("{id}", id);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static final List<Route> ALL = List.of(
            new Route("POST", "/guilds", true),
            new Route("GET", "/guilds", false),
            new Route("GET", "/guilds/public", false),
            new Route("PATCH", "/guilds/{g}", true),
            new Route("POST", "/guilds/{g}/join", false),
            new Route("GET", "/guilds/{g}/audit", false),
            new Route("GET", "/guilds/{g}/members", false),
            new Route("POST", "/guilds/{g}/members/{u}", false),
            new Route("PATCH", "/guilds/{g}/members/{u}", true),
            new Route("POST", "/guilds/{g}/members/{u}/kick", false),
            new Route("POST", "/guilds/{g}/members/{u}/ban", false),
            new Route("GET", "/guilds/{g}/bans", false),
            new Route("DELETE", "/guilds/{g}/bans/{u}", false),
            new Route("GET", "/guilds/{g}/roles", false),
            new Route("POST", "/guilds/{g}/roles", true),
            new Route("PATCH", "/guilds/{g}/roles/{r}", true),
            new Route("DELETE", "/guilds/{g}/roles/{r}", false),
            new Route("POST", "/guilds/{g}/roles/reorder", true),
            new Route("POST", "/guilds/{g}/roles/default", true),
            new Route("POST", "/guilds/{g}/roles/{r}/members/{u}", false),
            new Route("DELETE", "/guilds/{g}/roles/{r}/members/{u}", false),
            new Route("POST", "/guilds/{g}/channels", true),
            new Route("GET", "/guilds/{g}/channels", false),
            new Route("GET", "/guilds/{g}/channels/{c}/permissions/self", false),
            new Route("POST", "/guilds/{g}/channels/{c}/permission-overrides/role/{id}", true),
            new Route("POST", "/guilds/{g}/channels/{c}/permission-overrides/member/{id}", true),
            new Route("POST", "/guilds/{g}/channels/{c}/overrides/moderator", true),
            new Route("GET", "/guilds/{g}/ip-bans", false),
            new Route("POST", "/guilds/{g}/ip-bans/by-user", true),
            new Route("DELETE", "/guilds/{g}/ip-bans/{id}", false));

    private GuildRouteTable() {
    }
}
