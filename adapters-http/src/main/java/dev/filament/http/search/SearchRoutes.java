package dev.filament.http.search;

import dev.filament.application.search.port.in.RebuildSearchUseCase;
import dev.filament.application.search.port.in.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.application.search.port.in.ReconcileSearchUseCase;
import dev.filament.application.search.port.in.SearchMessagesUseCase;
import dev.filament.application.search.port.in.SearchMessagesUseCase.SearchMessagesQuery;
import dev.filament.application.search.port.out.ReconcileResult;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * SPEC 10.1 and 10.3: search a guild's messages, queue a rebuild, reconcile the index. Order per SPEC 1.10:
 * authentication, path id (malformed → 404), query validation (400), then the use case. Rebuild and reconcile take no
 * body and ignore any they get (SPEC 1.5).
 */
public final class SearchRoutes implements RouteModule {
    private final SearchMessagesUseCase search;
    private final RebuildSearchUseCase rebuild;
    private final ReconcileSearchUseCase reconcile;
    private final BearerAuthenticator auth;

    public SearchRoutes(SearchMessagesUseCase search, RebuildSearchUseCase rebuild, ReconcileSearchUseCase reconcile,
                        BearerAuthenticator auth) {
        this.search = Objects.requireNonNull(search, "search");
        this.rebuild = Objects.requireNonNull(rebuild, "rebuild");
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    @Override
    public void register(Router router) {
        router.get("/guilds/{g}/search", this::search);
        router.post("/guilds/{g}/search/rebuild", this::rebuild);
        router.post("/guilds/{g}/search/reconcile", this::reconcile);
    }

    private void search(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = guild(ctx);
        QueryParams query = QueryParams.of(ctx, "q", "limit", "channel_id");
        OptionalInt limit = query.string("limit").isPresent()
                ? OptionalInt.of(query.intInRange("limit", 0, 0, Integer.MAX_VALUE))
                : OptionalInt.empty();
        SearchMessagesQuery q = SearchMessagesQuery.parse(caller, RequestAttributes.clientIp(ctx), guild,
                query.string("q"), limit, query.string("channel_id"));
        List<MessageView> found = search.search(q);
        ctx.json(SearchBodies.Results.of(found));
    }

    private void rebuild(Context ctx) {
        rebuild.rebuild(command(ctx));
        ctx.status(204);
    }

    private void reconcile(Context ctx) {
        ReconcileResult result = reconcile.reconcile(command(ctx));
        ctx.json(SearchBodies.Reconciled.of(result));
    }

    private GuildSearchCommand command(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = guild(ctx);
        QueryParams.of(ctx);
        return new GuildSearchCommand(caller, RequestAttributes.clientIp(ctx), guild);
    }

    /** Route step 3: a malformed guild id in the path is 404 (SPEC 1.2). */
    private static GuildId guild(Context ctx) {
        return PathIds.guild(ctx);
    }
}
