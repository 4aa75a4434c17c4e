package dev.filament.postgres;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.port.UnitOfWorkContract;
import dev.filament.application.port.out.UnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL unit of work keeps the contract its in-memory fake keeps (rollback is tested beside it). */
@ExtendWith(PostgresExtension.class)
class JooqUnitOfWorkContractTest extends UnitOfWorkContract {
    private UnitOfWork uow;

    @BeforeEach
    void open(TestDatabase db) {
        uow = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return uow;
    }
}
