package dev.filament.postgres.friend;

import static dev.filament.postgres.jooq.Tables.FRIENDSHIPS;
import static dev.filament.postgres.jooq.Tables.FRIENDSHIP_REQUESTS;
import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link FriendRepository} over {@code friendships} (ordered pair, lower id first) and
 * {@code friendship_requests} (one pending request per unordered pair: unique index on LEAST/GREATEST). Joins the
 * caller's transaction through the unit of work's context.
 */
public final class JooqFriendRepository implements FriendRepository {
    private final DSLContext dsl;

    public JooqFriendRepository(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public Map<UserId, Username> lockUsers(UserId a, UserId b) {
        Map<UserId, Username> found = new HashMap<>();
        dsl.select(USERS.USER_ID, USERS.USERNAME).from(USERS).where(USERS.USER_ID.in(a.value(), b.value()))
                .orderBy(USERS.USER_ID.collate("C")).forUpdate()
                .forEach(r -> found.put(new UserId(r.value1()), new Username(r.value2())));
        return found;
    }

    @Override
    public boolean areFriends(UserId a, UserId b) {
        return dsl.fetchExists(FRIENDSHIPS, pair(a, b));
    }

    @Override
    public boolean pendingBetween(UserId a, UserId b) {
        return dsl.fetchExists(FRIENDSHIP_REQUESTS, FRIENDSHIP_REQUESTS.SENDER_USER_ID.eq(a.value())
                .and(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID.eq(b.value()))
                .or(FRIENDSHIP_REQUESTS.SENDER_USER_ID.eq(b.value())
                        .and(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID.eq(a.value()))));
    }

    @Override
    public int countFriends(UserId user) {
        return dsl.fetchCount(FRIENDSHIPS, FRIENDSHIPS.USER_A_ID.eq(user.value())
                .or(FRIENDSHIPS.USER_B_ID.eq(user.value())));
    }

    @Override
    public int countOutgoing(UserId user) {
        return dsl.fetchCount(FRIENDSHIP_REQUESTS, FRIENDSHIP_REQUESTS.SENDER_USER_ID.eq(user.value()));
    }

    @Override
    public int countIncoming(UserId user) {
        return dsl.fetchCount(FRIENDSHIP_REQUESTS, FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID.eq(user.value()));
    }

    @Override
    public boolean insertRequest(FriendRequest request) {
        // ON CONFLICT without a target covers the expression index on the unordered pair
        return dsl.insertInto(FRIENDSHIP_REQUESTS)
                .set(FRIENDSHIP_REQUESTS.REQUEST_ID, request.id().value())
                .set(FRIENDSHIP_REQUESTS.SENDER_USER_ID, request.sender().value())
                .set(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID, request.recipient().value())
                .set(FRIENDSHIP_REQUESTS.CREATED_AT, stored(request.createdAt()))
                .onConflictDoNothing().execute() == 1;
    }

    @Override
    public Optional<FriendRequest> lockRequest(FriendRequestId id) {
        return dsl.selectFrom(FRIENDSHIP_REQUESTS).where(FRIENDSHIP_REQUESTS.REQUEST_ID.eq(id.value())).forUpdate()
                .fetchOptional().map(r -> new FriendRequest(new FriendRequestId(r.getRequestId()),
                        new UserId(r.getSenderUserId()), new UserId(r.getRecipientUserId()),
                        r.getCreatedAt().toInstant()));
    }

    @Override
    public void deleteRequest(FriendRequestId id) {
        dsl.deleteFrom(FRIENDSHIP_REQUESTS).where(FRIENDSHIP_REQUESTS.REQUEST_ID.eq(id.value())).execute();
    }

    @Override
    public Instant insertFriendship(UserId a, UserId b, Instant createdAt) {
        UserId low = min(a, b);
        UserId high = low.equals(a) ? b : a;
        dsl.insertInto(FRIENDSHIPS).set(FRIENDSHIPS.USER_A_ID, low.value()).set(FRIENDSHIPS.USER_B_ID, high.value())
                .set(FRIENDSHIPS.CREATED_AT, stored(createdAt)).onConflictDoNothing().execute();
        return dsl.fetchValue(FRIENDSHIPS.CREATED_AT, pair(a, b)).toInstant();
    }

    @Override
    public boolean deleteFriendship(UserId a, UserId b) {
        return dsl.deleteFrom(FRIENDSHIPS).where(pair(a, b)).execute() == 1;
    }

    @Override
    public List<Friend> friendsOf(UserId user) {
        Field<String> other = DSL.when(FRIENDSHIPS.USER_A_ID.eq(user.value()), FRIENDSHIPS.USER_B_ID)
                .otherwise(FRIENDSHIPS.USER_A_ID);
        return dsl.select(USERS.USER_ID, USERS.USERNAME, FRIENDSHIPS.CREATED_AT)
                .from(FRIENDSHIPS).join(USERS).on(USERS.USER_ID.eq(other))
                .where(FRIENDSHIPS.USER_A_ID.eq(user.value()).or(FRIENDSHIPS.USER_B_ID.eq(user.value())))
                .orderBy(FRIENDSHIPS.CREATED_AT.desc(), USERS.USER_ID.collate("C").asc())
                .fetch(r -> new Friend(new UserId(r.value1()), new Username(r.value2()), r.value3().toInstant()));
    }

    @Override
    public List<RequestView> incoming(UserId user) {
        return requests(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID.eq(user.value()));
    }

    @Override
    public List<RequestView> outgoing(UserId user) {
        return requests(FRIENDSHIP_REQUESTS.SENDER_USER_ID.eq(user.value()));
    }

    private List<RequestView> requests(Condition which) {
        var sender = USERS.as("sender");
        var recipient = USERS.as("recipient");
        return dsl.select(FRIENDSHIP_REQUESTS.fields()).select(sender.USERNAME, recipient.USERNAME)
                .from(FRIENDSHIP_REQUESTS)
                .join(sender).on(sender.USER_ID.eq(FRIENDSHIP_REQUESTS.SENDER_USER_ID))
                .join(recipient).on(recipient.USER_ID.eq(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID))
                .where(which)
                .orderBy(FRIENDSHIP_REQUESTS.CREATED_AT.desc(), FRIENDSHIP_REQUESTS.REQUEST_ID.collate("C").desc())
                .fetch(r -> view(r, sender.USERNAME, recipient.USERNAME));
    }

    private static RequestView view(Record r, Field<String> senderName, Field<String> recipientName) {
        FriendRequest request = new FriendRequest(new FriendRequestId(r.get(FRIENDSHIP_REQUESTS.REQUEST_ID)),
                new UserId(r.get(FRIENDSHIP_REQUESTS.SENDER_USER_ID)),
                new UserId(r.get(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID)),
                r.get(FRIENDSHIP_REQUESTS.CREATED_AT).toInstant());
        return new RequestView(request, new Username(r.get(senderName)), new Username(r.get(recipientName)));
    }

    private static Condition pair(UserId a, UserId b) {
        UserId low = min(a, b);
        UserId high = low.equals(a) ? b : a;
        return FRIENDSHIPS.USER_A_ID.eq(low.value()).and(FRIENDSHIPS.USER_B_ID.eq(high.value()));
    }

    // ULIDs are upper-case ASCII, so String order is the byte order of COLLATE "C" (SPEC 12.1)
    private static UserId min(UserId a, UserId b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static OffsetDateTime stored(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ZoneOffset.UTC);
    }
}
