package dev.filament.postgres.friend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.friend.port.in.AcceptFriendRequestUseCase.AcceptFriendRequestCommand;
import dev.filament.application.friend.port.in.DeleteFriendRequestUseCase.DeleteFriendRequestCommand;
import dev.filament.application.friend.port.in.SendFriendRequestUseCase.SendFriendRequestCommand;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.friend.port.out.FriendRepositoryContract;
import dev.filament.application.friend.service.AcceptFriendRequestService;
import dev.filament.application.friend.service.DeleteFriendRequestService;
import dev.filament.application.friend.service.FriendEvents;
import dev.filament.application.friend.service.SendFriendRequestService;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqFriendRepositoryTest extends FriendRepositoryContract {
    private final JooqUnitOfWork unitOfWork;

    JooqFriendRepositoryTest(TestDatabase db) {
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
    }

    @Override
    protected FriendRepository createRepository() {
        return new JooqFriendRepository(unitOfWork);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected UserId newUser(String name) {
        return unitOfWork.inTransaction(() -> PeopleRows.user(unitOfWork.dsl(), name));
    }

    /**
     * SPEC 4.6 race: two users requesting each other at the same moment, both sides released together by a barrier,
     * over many fresh pairs: every time exactly one request is stored and the other side answers 400.
     */
    @Test
    void twoUsersRequestingEachOtherAtOnceEndWithExactlyOneRequest() throws Exception {
        JooqFriendRepository friends = new JooqFriendRepository(unitOfWork);
        SendFriendRequestService send = new SendFriendRequestService(friends, unitOfWork, new TestIds(),
                new FriendEvents(new RecordingGatewayEventPublisher(), new SimpleJsonSerializer(), Clock.systemUTC()));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                UserId a = newUser(TestIds.uniqueUsername());
                UserId b = newUser(TestIds.uniqueUsername());
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> sides = new ArrayList<>();
                for (UserId[] pair : new UserId[][] {{a, b}, {b, a}}) {
                    sides.add(threads.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        try {
                            send.send(new SendFriendRequestCommand(pair[0], pair[1].value()));
                            return true;
                        } catch (InvalidRequestException e) {
                            return false;
                        }
                    }));
                }
                int succeeded = 0;
                for (Future<Boolean> side : sides) {
                    succeeded += side.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(succeeded).as("round %d", round).isEqualTo(1);
                assertThat(unitOfWork.inTransaction(() -> friends.countOutgoing(a) + friends.countOutgoing(b)))
                        .isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Accept and cancel of one request at the same moment: exactly one wins, and the outcome is consistent. */
    @Test
    void acceptAndCancelAtOnceLeaveEitherAFriendshipOrNothingNeverBoth() throws Exception {
        JooqFriendRepository friends = new JooqFriendRepository(unitOfWork);
        FriendEvents events = new FriendEvents(new RecordingGatewayEventPublisher(), new SimpleJsonSerializer(),
                Clock.systemUTC());
        SendFriendRequestService send = new SendFriendRequestService(friends, unitOfWork, new TestIds(), events);
        AcceptFriendRequestService accept = new AcceptFriendRequestService(friends, unitOfWork, events);
        DeleteFriendRequestService delete = new DeleteFriendRequestService(friends, unitOfWork, events);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                UserId a = newUser(TestIds.uniqueUsername());
                UserId b = newUser(TestIds.uniqueUsername());
                FriendRequestId id = send.send(new SendFriendRequestCommand(a, b.value())).id();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> accepted = threads.submit(() -> wins(start,
                        () -> accept.accept(new AcceptFriendRequestCommand(b, id))));
                Future<Boolean> cancelled = threads.submit(() -> wins(start,
                        () -> delete.delete(new DeleteFriendRequestCommand(a, id))));
                boolean friendsNow = accepted.get(10, TimeUnit.SECONDS);
                assertThat(friendsNow).as("round %d: exactly one wins", round)
                        .isNotEqualTo(cancelled.get(10, TimeUnit.SECONDS));
                assertThat(unitOfWork.inTransaction(() -> friends.areFriends(a, b))).isEqualTo(friendsNow);
                assertThat(unitOfWork.inTransaction(() -> friends.pendingBetween(a, b))).isFalse();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean wins(CyclicBarrier start, Runnable work) throws Exception {
        start.await(5, TimeUnit.SECONDS);
        try {
            work.run();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
