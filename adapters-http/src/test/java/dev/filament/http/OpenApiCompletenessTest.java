package dev.filament.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.http.auth.IdentityFixture;
import dev.filament.http.gateway.GatewayRoutes;
import dev.filament.http.gateway.GatewayTestServer;
import dev.filament.http.guild.GuildHttpFixture;
import dev.filament.http.message.MessageHttpFixture;
import dev.filament.http.people.PeopleHttpFixture;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.testing.HttpFixture;
import dev.filament.http.testing.OpenApiContract;
import dev.filament.http.voice.VoiceHttpFixture;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/api/openapi.yaml describes exactly the routes the server registers: every route module of adapters-http is
 * started (as the route tests wire them) and the method+path set Javalin registered is compared with the document's.
 */
class OpenApiCompletenessTest {
    private static final Set<String> REGISTERED = new TreeSet<>();
    private static final Set<Class<?>> MODULES_STARTED = new HashSet<>();

    @BeforeAll
    static void startEveryRouteModule() throws Exception {
        try (IdentityFixture identity = new IdentityFixture(1_000);
             GuildHttpFixture guilds = new GuildHttpFixture();
             MessageHttpFixture messages = new MessageHttpFixture();
             VoiceHttpFixture voice = new VoiceHttpFixture(true, 10);
             PeopleHttpFixture people = new PeopleHttpFixture(1_000);
             GatewayTestServer gateway = GatewayTestServer.start()) {
            for (HttpFixture http : List.of(identity.http, guilds.http, messages.http, voice.http,
                    people.http)) {
                REGISTERED.addAll(HttpFixture.registeredRoutes(http.app));
                http.routeModules().forEach(m -> MODULES_STARTED.add(m.getClass()));
            }
            REGISTERED.addAll(HttpFixture.registeredRoutes(gateway.app()));
            MODULES_STARTED.add(GatewayRoutes.class);
        }
    }

    @Test
    void everyRegisteredRouteIsDescribed_andEveryDescribedRouteIsRegistered() {
        Set<String> described = described(OpenApiContract.load());
        assertThat(REGISTERED).hasSizeGreaterThan(40);
        assertThat(difference(REGISTERED, described)).as("registered but not described in docs/api/openapi.yaml")
                .isEmpty();
        assertThat(difference(described, REGISTERED)).as("described in docs/api/openapi.yaml but not registered")
                .isEmpty();
    }

    @Test
    void theComparisonFails_forARouteMissingOnEitherSide() {
        Set<String> described = described(OpenApiContract.load());
        Set<String> withExtra = new TreeSet<>(REGISTERED);
        withExtra.add("POST /guilds/{g}/undocumented");
        assertThat(difference(withExtra, described)).containsExactly("POST /guilds/{}/undocumented");
        Set<String> withoutOne = new TreeSet<>(REGISTERED);
        withoutOne.remove("GET /health");
        assertThat(difference(described, withoutOne)).containsExactly("GET /health");
    }

    /** The test above only proves something if it started every route module adapters-http has. */
    @Test
    void everyRouteModuleOfAdaptersHttpWasStarted() throws Exception {
        assertThat(MODULES_STARTED).containsAll(routeModuleClasses());
    }

    private static Set<String> described(OpenApiContract contract) {
        Set<String> out = new TreeSet<>();
        contract.operations().forEach(op -> out.add(op.method() + " " + op.template()));
        return out;
    }

    /** {@code a - b}, comparing templates with parameter names erased ({@code {g}} and {@code {guild}} are equal). */
    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> erasedB = new HashSet<>();
        b.forEach(r -> erasedB.add(erase(r)));
        Set<String> out = new TreeSet<>();
        a.forEach(r -> {
            if (!erasedB.contains(erase(r))) {
                out.add(erase(r));
            }
        });
        return out;
    }

    private static String erase(String route) {
        return route.replaceAll("\\{[^/}]*}", "{}");
    }

    /** Every concrete {@link RouteModule} among adapters-http's main classes. */
    private static Set<Class<?>> routeModuleClasses() throws URISyntaxException, Exception {
        Path root = Path.of(RouteModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, RouteModule.class.getClassLoader());
                if (RouteModule.class.isAssignableFrom(c) && !c.isInterface()
                        && !java.lang.reflect.Modifier.isAbstract(c.getModifiers()) && !c.isSynthetic()
                        && !c.isAnonymousClass() && !c.isLocalClass()) {
                    out.add(c);
                }
            }
        }
        assertThat(out).as("route modules found").hasSizeGreaterThan(5);
        return out;
    }
}
