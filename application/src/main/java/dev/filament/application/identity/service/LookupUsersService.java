package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.LookupUsersUseCase;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedSet;

/** Implements {@link LookupUsersUseCase} with one batched read. */
public final class LookupUsersService implements LookupUsersUseCase {
    private final UserRepository users;
    private final UnitOfWork unitOfWork;

    public LookupUsersService(UserRepository users, UnitOfWork unitOfWork) {
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<UserSummary> lookup(LookupUsersQuery query) {
        SequencedSet<UserId> ids = parse(query.userIds());
        Map<UserId, UserSummary> found = unitOfWork.read(() -> users.findSummaries(ids));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static SequencedSet<UserId> parse(List<String> raw) {
        if (raw == null || raw.isEmpty() || raw.size() > MAX_IDS) {
            throw new InvalidRequestException("user_ids must hold 1..64 entries");
        }
        SequencedSet<UserId> ids = new LinkedHashSet<>();
        for (String entry : raw) {
            String id = Ulid.parse(entry).orElseThrow(() -> new InvalidRequestException("user_ids entry is not a ULID"));
            ids.add(new UserId(id));
        }
        return ids;
    }
}
