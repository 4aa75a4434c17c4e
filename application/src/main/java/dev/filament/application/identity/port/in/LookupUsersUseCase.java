package dev.filament.application.identity.port.in;

import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import java.util.List;

/** Use case: names of users by id (SPEC 4.3 {@code POST /users/lookup}); any authenticated caller may ask. */
public interface LookupUsersUseCase {

    int MAX_IDS = 64;

    /**
     * The known users among the ids, deduplicated, in order of first appearance; unknown ids are left out.
     *
     * @throws dev.filament.domain.error.InvalidRequestException for 0 or more than 64 ids, or an entry not a ULID
     */
    List<UserSummary> lookup(LookupUsersQuery query);

    /** Ids as received (strings: their syntax is checked by the use case). */
    record LookupUsersQuery(List<String> userIds) {
    }
}
