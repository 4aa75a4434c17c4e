package dev.filament.application.shared.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.FilamentException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnitOfWork} keeps: results and domain errors pass through unchanged; nested calls join; work that
 * throws leaves none of its writes behind, and work that returns keeps them. Each adapter supplies a probe: a write
 * that joins its transaction ({@link #writeMarker}) and a read outside any transaction ({@link #markerExists}).
 */
public abstract class UnitOfWorkContract {

    protected abstract UnitOfWork unitOfWork();

    /** Writes {@code marker} through a resource that takes part in the open transaction of {@link #unitOfWork()}. */
    protected abstract void writeMarker(String marker);

    /** Whether {@code marker} is stored, read outside any transaction. */
    protected abstract boolean markerExists(String marker);

    private static String newMarker() {
        return "m-" + UUID.randomUUID();
    }

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
    void aReadReturnsTheWorksResultAndPassesDomainErrorsThrough() {
        assertThat(unitOfWork().read(() -> 7)).isEqualTo(7);
        FilamentException error = ConflictException.quotaExceeded("roles");
        assertThatThrownBy(() -> unitOfWork().read(() -> {
            throw error;
        })).isSameAs(error);
    }

    @Test
    void aReadInsideATransactionJoinsIt() {
        UnitOfWork uow = unitOfWork();
        String marker = newMarker();
        boolean seen = uow.inTransaction(() -> {
            writeMarker(marker);
            return uow.read(() -> uow.inTransaction(() -> true));
        });
        assertThat(seen).isTrue();
        assertThat(markerExists(marker)).isTrue();
    }

    @Test
    void aNestedCallJoinsTheOuterOne() {
        UnitOfWork uow = unitOfWork();
        assertThat(uow.inTransaction(() -> uow.inTransaction(() -> "inner") + "+outer")).isEqualTo("inner+outer");
    }

    @Test
    void workThatReturns_keepsItsWrites() {
        String marker = newMarker();
        unitOfWork().run(() -> writeMarker(marker));
        assertThat(markerExists(marker)).isTrue();
    }

    @Test
    void workThatThrows_leavesNoWriteBehind() {
        String kept = newMarker();
        String undone = newMarker();
        unitOfWork().run(() -> writeMarker(kept));
        RuntimeException failure = new IllegalStateException("fails after writing");
        assertThatThrownBy(() -> unitOfWork().run(() -> {
            writeMarker(undone);
            throw failure;
        })).isSameAs(failure);
        assertThat(markerExists(undone)).isFalse();
        assertThat(markerExists(kept)).isTrue();
    }

    @Test
    void aDomainErrorRollsBackToo() {
        String marker = newMarker();
        assertThatThrownBy(() -> unitOfWork().run(() -> {
            writeMarker(marker);
            throw ConflictException.quotaExceeded("roles");
        })).isInstanceOf(ConflictException.class);
        assertThat(markerExists(marker)).isFalse();
    }

    @Test
    void aNestedCallThatThrows_rollsBackTheWholeTransaction() {
        UnitOfWork uow = unitOfWork();
        String outer = newMarker();
        String inner = newMarker();
        assertThatThrownBy(() -> uow.run(() -> {
            writeMarker(outer);
            uow.run(() -> {
                writeMarker(inner);
                throw new IllegalStateException("inner fails");
            });
        })).isInstanceOf(IllegalStateException.class);
        assertThat(markerExists(outer)).isFalse();
        assertThat(markerExists(inner)).isFalse();
    }
}
