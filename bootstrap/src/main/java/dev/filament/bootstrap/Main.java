package dev.filament.bootstrap;

import dev.filament.bootstrap.config.ConfigException;
import dev.filament.bootstrap.config.ConfigLoader;
import dev.filament.bootstrap.config.ServerConfig;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: {@code java -jar filament-server.jar} runs the server; {@code --healthcheck} probes a running one. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length == 1 && args[0].equals("--healthcheck")) {
            System.exit(HealthProbe.run(healthPort(env)));
        }
        boolean terminal = System.console() != null;
        configureLogging(env, terminal);
        Logger log = LoggerFactory.getLogger(Main.class);
        ServerConfig config;
        try {
            config = ConfigLoader.load(env, terminal);
        } catch (ConfigException e) {
            log.atError().addKeyValue("event", "config.invalid").addKeyValue("variable", e.variable())
                    .log("invalid configuration: {}", e.getMessage());
            System.exit(1);
            return;
        }
        FilamentServer server;
        try {
            server = FilamentServer.start(config);
        } catch (ConfigException e) { // a value that only fails when used, e.g. an unwritable attachment root
            log.atError().addKeyValue("event", "config.invalid").addKeyValue("variable", e.variable())
                    .log("invalid configuration: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            log.atError().addKeyValue("event", "startup.failed").setCause(e).log("startup failed");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    }

    /** Chooses the appender and level before the first logger exists; invalid values are reported by config. */
    static void configureLogging(Map<String, String> env, boolean terminal) {
        String format = env.getOrDefault("FILAMENT_LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
        boolean text = format.equals("text") || (format.isEmpty() && terminal);
        if (text && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-text.xml");
        }
        String level = env.getOrDefault("FILAMENT_LOG_LEVEL", "").trim().toUpperCase(Locale.ROOT);
        if (java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
            System.setProperty("filament.log.level", level);
        }
    }

    private static int healthPort(Map<String, String> env) {
        String bind = env.getOrDefault("FILAMENT_BIND_ADDR", "0.0.0.0:3000").trim();
        try {
            return Integer.parseInt(bind.substring(bind.lastIndexOf(':') + 1));
        } catch (RuntimeException e) {
            return 3000;
        }
    }
}
