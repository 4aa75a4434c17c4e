package dev.filament.http.routes;

import io.javalin.config.JavalinConfig;

/** One feature's routes; bootstrap hands each module to the server factory. */
@FunctionalInterface
public interface RouteModule {
    void register(Router router);

    /** Configuration besides HTTP routes that a module needs (e.g. a WebSocket endpoint); nothing by default. */
    default void configure(JavalinConfig cfg) {
    }
}
