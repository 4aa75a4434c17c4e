package dev.filament.http.routes;

/** One feature's routes; bootstrap hands each module to the server factory. */
@FunctionalInterface
public interface RouteModule {
    void register(Router router);
}
