package dev.filament.postgres.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Test-side round-trip counter: wraps a pooled DataSource and records, for work run through {@link #sentBy} on the calling
 * thread only (background work on other threads is ignored), every request the driver sends to PostgreSQL:
 * {@code BEGIN} (auto-commit turned off), each executed statement (its SQL), {@code COMMIT}, {@code ROLLBACK}, and
 * the calls that cost a hidden round trip in pgjdbc ({@code SHOW TRANSACTION ISOLATION LEVEL}, {@code isValid}).
 */
public final class RoundTrips {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");
    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    /** {@code pool} as seen through this counter. */
    public DataSource wrap(DataSource pool) {
        return proxy(DataSource.class, pool, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    /** The round trips {@code work} sent on this thread, in order. */
    public List<String> sentBy(Runnable work) {
        List<String> trips = new ArrayList<>();
        recording.set(trips);
        try {
            work.run();
            return List.copyOf(trips);
        } finally {
            recording.remove();
        }
    }

    /** The trips shortened to their first words, for assertion messages. */
    public static List<String> brief(List<String> trips) {
        return trips.stream().map(t -> t.length() > 40 ? t.substring(0, 40) + "..." : t).toList();
    }

    private void record(String trip) {
        List<String> trips = recording.get();
        if (trips != null) {
            trips.add(trip);
        }
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (target, method, args) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    if (!(Boolean) args[0] && target.getAutoCommit()) {
                        record("BEGIN");
                    }
                }
                case "commit" -> record("COMMIT");
                case "rollback" -> record("ROLLBACK");
                case "getTransactionIsolation" -> record("SHOW TRANSACTION ISOLATION LEVEL");
                case "isValid" -> record("VALIDATE");
                default -> { }
            }
            Object result = method.invoke(target, args);
            if (result instanceof Statement s) {
                String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                return statement(s, sql);
            }
            return result;
        });
    }

    private Statement statement(Statement real, String preparedSql) {
        @SuppressWarnings("unchecked")
        Class<Statement> type = (Class<Statement>) (real instanceof java.sql.CallableStatement
                ? java.sql.CallableStatement.class
                : real instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class);
        return proxy(type, real, (target, method, args) -> {
            if (EXECUTES.contains(method.getName())) {
                record(args != null && args.length > 0 && args[0] instanceof String q ? q : preparedSql);
            }
            return method.invoke(target, args);
        });
    }

    private interface Handler<T> {
        Object invoke(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return p == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(p);
            }
            try {
                return handler.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[]{type}, h));
    }
}
