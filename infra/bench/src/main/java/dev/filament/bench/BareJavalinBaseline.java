package dev.filament.bench;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP baseline: a bare Javalin 7 app (virtual threads, Jackson, as the server is configured) on loopback whose one
 * route answers a small JSON object shaped like {@code GET /auth/me}'s, with no edge handlers, auth or database.
 */
final class BareJavalinBaseline implements AutoCloseable {
    static final String PATH = "/bench/json";

    private final Javalin app;

    private BareJavalinBaseline(Javalin app) {
        this.app = app;
    }

    static BareJavalinBaseline start() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", "01JBENCH0000000000000000AA");
        body.put("username", "bench_user");
        body.put("about_markdown", "");
        body.put("about_markdown_tokens", List.of());
        body.put("avatar_version", 0);
        body.put("banner_version", 0);
        Javalin app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get(PATH, ctx -> ctx.json(body));
        });
        app.start();
        return new BareJavalinBaseline(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
