package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.Visibility;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import dev.filament.http.guild.GuildRouteTable.Route;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 1.10 steps 2-4 on every guild route: authentication comes before path ids, query and body (401 with
 * {@code WWW-Authenticate}), a malformed path ULID is 404 once authenticated, and an unknown query parameter is 400 —
 * all without writing anything.
 */
class AuthenticationOrderHttpTest {
    private static final String NOT_A_ULID = "8ZZZZZZZZZZZZZZZZZZZZZZZZZ"; // 26 chars but first char above 7
    private static GuildHttpFixture f;
    private static Caller owner;
    private static GuildId guild;
    private static String channel;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
        owner = f.user();
        guild = f.guild(owner, Visibility.PUBLIC);
        channel = f.guilds.newChannel(guild).id().value();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static List<Route> routes() {
        return GuildRouteTable.ALL;
    }

    private static String valid(Route route) {
        String id = owner.id().value();
        return route.path(guild.value(), id, id, channel, id);
    }

    private static HttpResponse<String> call(Route route, String path, Caller caller, String query) throws Exception {
        return f.http.send(route.method(), path + query, caller, route.hasBody() ? "{\"unexpected\":1}" : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void withoutATokenEveryRouteIs401EvenWithBadPathQueryAndBody(Route route) throws Exception {
        String before = f.snapshot();
        for (String path : List.of(valid(route), route.path("nope", "nope", "nope", "nope", "nope"))) {
            HttpResponse<String> r = call(route, path, null, "?bogus=1");
            error(r, 401, "invalid_credentials");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        Caller forged = new Caller(owner.id(), owner.token().substring(0, owner.token().length() - 2) + "xx", owner.name());
        error(call(route, valid(route), forged, ""), 401, "invalid_credentials");
        error(f.http.send(route.method(), valid(route), new Caller(owner.id(), "not-a-jwt", owner.name()), null), 401,
                "invalid_credentials");
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aMalformedPathIdIs404BeforeQueryAndBody(Route route) throws Exception {
        if (!route.template().contains("{")) {
            return; // no path id on this route
        }
        String before = f.snapshot();
        String id = owner.id().value();
        for (String bad : List.of("nope", NOT_A_ULID, id.substring(1), id + "0", "0" + id.substring(1, 25) + "U")) {
            String path = route.template().replace("{g}", bad).replace("{u}", id).replace("{r}", id)
                    .replace("{c}", channel).replace("{id}", id);
            error(call(route, path, owner, "?bogus=1"), 404, "not_found");
        }
        for (String placeholder : List.of("{u}", "{r}", "{c}", "{id}")) {
            if (route.template().contains(placeholder)) {
                String path = route.template().replace("{g}", guild.value()).replace(placeholder, "nope")
                        .replace("{u}", id).replace("{r}", id).replace("{c}", channel).replace("{id}", id);
                error(call(route, path, owner, "?bogus=1"), 404, "not_found");
            }
        }
        f.assertUnchanged(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anUnknownQueryParameterIs400BeforeTheBody(Route route) throws Exception {
        String before = f.snapshot();
        error(call(route, valid(route), owner, "?bogus=1"), 400, "invalid_request");
        f.assertUnchanged(before);
    }
}
