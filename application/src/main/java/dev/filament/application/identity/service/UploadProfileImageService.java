package dev.filament.application.identity.service;

import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.in.UploadRequest;
import dev.filament.application.blob.port.in.UploadedBlob;
import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.identity.port.in.UploadProfileImageUseCase;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.domain.identity.UserProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Implements {@link UploadProfileImageUseCase} (SPEC 4.5 steps 3-5): the shared upload pipeline writes a blob under a
 * never-reused key behind its tombstone; one transaction holding the caller's row lock stores the metadata and the new
 * version, queues the replaced key (due in 60 s, so downloads that resolved it can finish) and cancels this upload's
 * tombstone; after the commit the event goes to the caller's observers and the collector is woken. A failure after the
 * blob was written deletes it (best effort; the tombstone covers a crash).
 */
public final class UploadProfileImageService implements UploadProfileImageUseCase {
    static final Duration REPLACED_GRACE = Duration.ofSeconds(60);

    private final UserRepository users;
    private final UnitOfWork unitOfWork;
    private final BlobUploads uploads;
    private final BlobTombstones tombstones;
    private final BlobStore store;
    private final BlobCollectorQueue collector;
    private final GatewayEventPublisher gateway;
    private final EventSerializer serializer;
    private final IdGenerator ids;
    private final Clock clock;

    public UploadProfileImageService(UserRepository users, UnitOfWork unitOfWork, BlobUploads uploads,
                                     BlobTombstones tombstones, BlobStore store, BlobCollectorQueue collector,
                                     GatewayEventPublisher gateway, EventSerializer serializer, IdGenerator ids,
                                     Clock clock) {
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.uploads = uploads;
        this.tombstones = tombstones;
        this.store = store;
        this.collector = collector;
        this.gateway = gateway;
        this.serializer = serializer;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public UserProfile upload(UploadProfileImageCommand command) {
        UserId user = command.caller().userId();
        ProfileImageKind kind = command.kind();
        BlobKey key = kind == ProfileImageKind.AVATAR ? BlobKey.avatar(user.value(), ids.next())
                : BlobKey.banner(user.value(), ids.next());
        UploadPolicy policy = kind == ProfileImageKind.AVATAR ? UploadPolicy.AVATAR : UploadPolicy.BANNER;
        UploadedBlob blob = uploads.upload(UploadRequest.of(key, command.declared(), policy), command.body());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        UserProfile after;
        try {
            after = unitOfWork.inTransaction(() -> store(user, kind, blob, now));
        } catch (RuntimeException e) {
            deleteQuietly(key, e);
            throw e;
        }
        long version = kind == ProfileImageKind.AVATAR ? after.avatarVersion() : after.bannerVersion();
        UserEvent event = kind == ProfileImageKind.AVATAR
                ? new UserEvent.ProfileAvatarUpdate(user.value(), version, now.getEpochSecond())
                : new UserEvent.ProfileBannerUpdate(user.value(), version, now.getEpochSecond());
        gateway.publish(GatewayEvent.of(event, GatewayEvent.Scope.observers(user), serializer));
        collector.wake();
        return after;
    }

    private UserProfile store(UserId user, ProfileImageKind kind, UploadedBlob blob, Instant now) {
        UserProfile before = users.lockProfile(user)
                .orElseThrow(() -> new UnauthenticatedException("account no longer exists"));
        long current = kind == ProfileImageKind.AVATAR ? before.avatarVersion() : before.bannerVersion();
        long version = ProfileImageKind.nextVersion(current, now.getEpochSecond());
        StoredImage image = new StoredImage(blob.key().value(), blob.mime(), blob.sizeBytes(), blob.sha256Hex(),
                version);
        users.replaceImage(user, kind, image).flatMap(BlobKey::parse)
                .ifPresent(old -> tombstones.schedule(old, now.plus(REPLACED_GRACE)));
        tombstones.cancel(blob.key());
        return users.findProfile(user).orElseThrow();
    }

    private void deleteQuietly(BlobKey key, RuntimeException cause) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
