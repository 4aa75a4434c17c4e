package dev.filament.bootstrap.wiring;

import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.friend.service.AcceptFriendRequestService;
import dev.filament.application.friend.service.DeleteFriendRequestService;
import dev.filament.application.friend.service.FriendEvents;
import dev.filament.application.friend.service.ListFriendRequestsService;
import dev.filament.application.friend.service.ListFriendsService;
import dev.filament.application.friend.service.RemoveFriendService;
import dev.filament.application.friend.service.SendFriendRequestService;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.service.GetProfileImageService;
import dev.filament.application.identity.service.GetProfileService;
import dev.filament.application.identity.service.UploadProfileImageService;
import dev.filament.application.identity.service.UpdateProfileService;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.EventSerializer;
import dev.filament.domain.id.IdGenerator;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.people.FriendRoutes;
import dev.filament.http.people.PeopleLimiters;
import dev.filament.http.people.ProfileImageRoutes;
import dev.filament.http.people.ProfileRoutes;
import dev.filament.http.routes.RouteModule;
import dev.filament.markdown.CommonmarkTokenizer;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.friend.JooqFriendRepository;
import java.time.Clock;
import java.util.List;

/** Profiles, avatars, banners and friends (SPEC 4.5, 4.6): the use cases over PostgreSQL and their routes. */
public final class PeopleWiring {

    private PeopleWiring() {
    }

    /**
     * The profile, profile image and friend routes; events go through {@code gateway} (profile events to observers);
     * avatars and banners live in the blob store of {@code blobs}.
     */
    public static List<RouteModule> routes(UserRepository users, JooqUnitOfWork unitOfWork, IdGenerator ids,
                                           Clock clock, GatewayEventPublisher gateway, EventSerializer payloads,
                                           PeopleLimiters limiters, BlobWiring.Blobs blobs,
                                           BearerAuthenticator bearer, JsonBodies bodies) {
        FriendRepository friends = new JooqFriendRepository(unitOfWork);
        MarkdownTokenizer markdown = new CommonmarkTokenizer();
        FriendEvents events = new FriendEvents(gateway, payloads, clock);
        FriendRoutes.FriendApi api = new FriendRoutes.FriendApi(new ListFriendsService(friends, unitOfWork),
                new ListFriendRequestsService(friends, unitOfWork),
                new SendFriendRequestService(friends, unitOfWork, ids, events),
                new AcceptFriendRequestService(friends, unitOfWork, events),
                new DeleteFriendRequestService(friends, unitOfWork, events),
                new RemoveFriendService(friends, unitOfWork, events));
        return List.of(
                new ProfileRoutes(bearer, bodies, limiters, new GetProfileService(users, unitOfWork),
                        new UpdateProfileService(users, unitOfWork, gateway, payloads, markdown, clock), markdown),
                new FriendRoutes(bearer, bodies, limiters, api),
                new ProfileImageRoutes(bearer, limiters,
                        new UploadProfileImageService(users, unitOfWork, blobs.uploads(), blobs.tombstones(),
                                blobs.store(), blobs.collector(), gateway, payloads, ids, clock),
                        new GetProfileImageService(users, unitOfWork), blobs.downloads(), markdown));
    }
}
