package dev.filament.postgres;

import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;

/**
 * Creates the DSLContext every repository shares. Its {@link ThreadBoundConnections} binds the connection of an open
 * transaction to the thread, so a repository query issued inside {@link JooqUnitOfWork#inTransaction} joins that
 * transaction without being handed a context; outside one, each query borrows a pooled connection in auto-commit.
 */
public final class Jooq {
    static {
        // jOOQ prints a banner and "tips" on first use unless told not to; respect an explicit setting
        System.getProperties().putIfAbsent("org.jooq.no-logo", "true");
        System.getProperties().putIfAbsent("org.jooq.no-tips", "true");
    }

    private Jooq() {
    }

    public static DSLContext dsl(DataSource dataSource) {
        return dsl(dataSource, UnaryOperator.identity());
    }

    /** As above, with {@code decorate} wrapped around the pool's connection provider (e.g. to track connections). */
    static DSLContext dsl(DataSource dataSource, UnaryOperator<ConnectionProvider> decorate) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new Settings().withExecuteLogging(false));
        configuration.set(new ThreadBoundConnections(decorate.apply(new DataSourceConnectionProvider(dataSource))));
        return DSL.using(configuration);
    }

    static boolean isThreadBound(DSLContext dsl) {
        return dsl.configuration().connectionProvider() instanceof ThreadBoundConnections;
    }

    /** The thread-bound connections of a context made by {@link #dsl}. */
    static ThreadBoundConnections connections(DSLContext dsl) {
        return (ThreadBoundConnections) dsl.configuration().connectionProvider();
    }
}
