package dev.filament.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.LookupUsersUseCase.LookupUsersQuery;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.identity.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LookupUsersServiceTest {
    private final IdentityFixture f = new IdentityFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<UserSummary> lookup(String... ids) {
        return f.lookup.lookup(new LookupUsersQuery(Arrays.asList(ids)));
    }

    @Test
    void keepsFirstAppearanceOrderDeduplicatesAndOmitsUnknownIds() {
        User a = f.registered("alice");
        User b = f.registered("bob");
        String unknown = f.ids.next();
        String aLower = a.id().value().toLowerCase(Locale.ROOT);

        List<UserSummary> found = lookup(b.id().value(), unknown, aLower, b.id().value(), a.id().value());

        assertThat(found).containsExactly(new UserSummary(b.id(), b.username(), 0),
                new UserSummary(a.id(), a.username(), 0));
    }

    @Test
    void acceptsSixtyFourIdsAndRejectsSixtyFive() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ids.add(f.ids.next());
        }
        assertThat(f.lookup.lookup(new LookupUsersQuery(ids))).isEmpty();
        ids.add(f.ids.next());
        assertThatThrownBy(() -> f.lookup.lookup(new LookupUsersQuery(ids)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void rejectsEmptyListAndNonUlidEntries() {
        assertThatThrownBy(() -> lookup()).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> f.lookup.lookup(new LookupUsersQuery(null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> lookup(f.ids.next(), "not-a-ulid")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> lookup((String) null)).isInstanceOf(InvalidRequestException.class);
        assertThat(f.unitOfWork.transactions()).isZero();
    }
}
