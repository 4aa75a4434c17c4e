package dev.filament.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.port.out.UnitOfWork;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.FilamentException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link UnitOfWork} keeps: results and domain errors pass through unchanged; nested calls join. */
public abstract class UnitOfWorkContract {

    protected abstract UnitOfWork unitOfWork();

    @Test
    void returnsTheWorksResult() {
        assertThat(unitOfWork().inTransaction(() -> 42)).isEqualTo(42);
        AtomicInteger ran = new AtomicInteger();
        unitOfWork().run(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }

    @Test
    void aDomainErrorPassesThroughUnchangedAndIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        FilamentException error = ConflictException.quotaExceeded("roles");
        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            attempts.incrementAndGet();
            throw error;
        })).isSameAs(error);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aNestedCallJoinsTheOuterOne() {
        UnitOfWork uow = unitOfWork();
        assertThat(uow.inTransaction(() -> uow.inTransaction(() -> "inner") + "+outer")).isEqualTo("inner+outer");
    }
}
