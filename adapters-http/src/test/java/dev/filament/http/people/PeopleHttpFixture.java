package dev.filament.http.people;

import dev.filament.application.blob.fakes.InMemoryBlobGc;
import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.fakes.InMemoryMimeSniffer;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.friend.fakes.InMemoryFriendRepository;
import dev.filament.application.friend.service.AcceptFriendRequestService;
import dev.filament.application.friend.service.DeleteFriendRequestService;
import dev.filament.application.friend.service.FriendEvents;
import dev.filament.application.friend.service.ListFriendRequestsService;
import dev.filament.application.friend.service.ListFriendsService;
import dev.filament.application.friend.service.RemoveFriendService;
import dev.filament.application.friend.service.SendFriendRequestService;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.service.GetProfileImageService;
import dev.filament.application.identity.service.GetProfileService;
import dev.filament.application.identity.service.UploadProfileImageService;
import dev.filament.application.identity.service.UpdateProfileService;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.markdown.port.out.ParagraphTokenizer;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.blob.BlobDownloads;
import dev.filament.http.json.JacksonPayloadSerializer;
import dev.filament.http.json.Json;
import dev.filament.http.testing.HttpFixture;
import dev.filament.http.testing.HttpFixture.Caller;
import java.time.Clock;
import java.util.List;

/**
 * The profile, profile image and friend use cases over in-memory fakes (blob store and collector queue too), served through the shared {@link HttpFixture} (its users and
 * sessions); {@code 127.0.0.1} is a trusted proxy so a test picks its client IP with {@code X-Forwarded-For}.
 */
public final class PeopleHttpFixture implements AutoCloseable {
    private static final MarkdownTokenizer MARKDOWN = content -> content.isEmpty() ? List.of()
            : new ParagraphTokenizer().tokenize(content);

    final InMemoryUserRepository users;
    final InMemoryFriendRepository friends;
    final RecordingGatewayEventPublisher gateway = new RecordingGatewayEventPublisher();
    final InMemoryBlobStore store = new InMemoryBlobStore();
    final InMemoryBlobGc gc = new InMemoryBlobGc();
    public final HttpFixture http;

    public PeopleHttpFixture(int profilePerMinute) {
        HttpFixture.Builder builder = HttpFixture.builder().perMinute(100_000).tokenBaselineKey()
                .trust("127.0.0.1/32");
        users = builder.users();
        friends = new InMemoryFriendRepository(users);
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork().enlist(users).enlist(friends).enlist(gc);
        Clock clock = Clock.systemUTC();
        JacksonPayloadSerializer payloads = new JacksonPayloadSerializer(new Json());
        FriendEvents events = new FriendEvents(gateway, payloads, clock);
        PeopleLimiters limiters = new PeopleLimiters(limiter("profile_update", profilePerMinute, clock),
                limiter("profile_avatar_upload", profilePerMinute, clock),
                limiter("profile_banner_upload", profilePerMinute, clock), limiter("friend_request", 30, clock));
        FriendRoutes.FriendApi api = new FriendRoutes.FriendApi(new ListFriendsService(friends, uow),
                new ListFriendRequestsService(friends, uow),
                new SendFriendRequestService(friends, uow, new TestIds(), events),
                new AcceptFriendRequestService(friends, uow, events), new DeleteFriendRequestService(friends, uow, events),
                new RemoveFriendService(friends, uow, events));
        http = builder.routes(new ProfileRoutes(builder.auth(), builder.bodies(), limiters,
                        new GetProfileService(users, uow),
                        new UpdateProfileService(users, uow, gateway, payloads, MARKDOWN, clock), MARKDOWN))
                .routes(new FriendRoutes(builder.auth(), builder.bodies(), limiters, api))
                .routes(new ProfileImageRoutes(builder.auth(), limiters, new UploadProfileImageService(users, uow,
                        new BlobUploads(store, new InMemoryMimeSniffer(), gc, uow, clock), gc, store, () -> { },
                        gateway, payloads, new TestIds(), clock), new GetProfileImageService(users, uow),
                        new BlobDownloads(store), MARKDOWN))
                .start();
    }

    private static RateLimiter limiter(String name, int perMinute, Clock clock) {
        return new RateLimiter(LimitPolicy.slidingWindow(name, perMinute, 60), clock);
    }

    Caller user() {
        return http.user();
    }

    @Override
    public void close() {
        http.close();
    }
}
