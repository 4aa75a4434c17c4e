package dev.filament.postgres;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.port.out.UnitOfWorkContract;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL unit of work keeps the contract its in-memory fake keeps, rollback included. */
@ExtendWith(PostgresExtension.class)
class JooqUnitOfWorkContractTest extends UnitOfWorkContract {
    private JooqUnitOfWork uow;

    @BeforeEach
    void open(TestDatabase db) {
        uow = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
        uow.dsl().execute("create table if not exists uow_contract_probe (marker text primary key)");
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return uow;
    }

    @Override
    protected void writeMarker(String marker) {
        uow.dsl().execute("insert into uow_contract_probe (marker) values (?)", marker);
    }

    @Override
    protected boolean markerExists(String marker) {
        return uow.dsl().fetchExists(DSL.table("uow_contract_probe"), DSL.field("marker").eq(marker));
    }
}
