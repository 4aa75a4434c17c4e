package dev.filament.postgres.search;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.PostgresSettings;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Duration;

/**
 * A small pool on the test database with chosen bounds, and its unit of work. Search tests use a short lock timeout
 * so that a table locked elsewhere fails a batch in 200 ms instead of 2 s.
 */
final class SearchPool implements AutoCloseable {
    final TestDatabase db;
    final HikariDataSource dataSource;
    final JooqUnitOfWork unitOfWork;

    private SearchPool(TestDatabase db, PostgresSettings settings) {
        this.db = db;
        this.dataSource = DataSourceFactory.create(settings, c -> c.setMaximumPoolSize(3));
        // a wide network margin: a timeout the server reports late on a loaded machine stays a statement timeout
        this.unitOfWork = JooqUnitOfWork.create(dataSource, settings, new RequestBudget())
                .withNetworkMargin(Duration.ofSeconds(2));
    }

    static SearchPool shortLocks(TestDatabase db) {
        return new SearchPool(db, db.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200)));
    }

    static SearchPool withBounds(TestDatabase db, Duration statementTimeout, Duration lockTimeout) {
        return new SearchPool(db, db.settings(Duration.ofSeconds(2), statementTimeout, lockTimeout));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
