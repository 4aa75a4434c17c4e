package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.fakes.InMemoryBlobGc;
import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.fakes.InMemoryMimeSniffer;
import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithToken;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetProfileImageUseCase.GetProfileImageQuery;
import dev.filament.application.identity.port.in.UploadProfileImageUseCase.UploadProfileImageCommand;
import dev.filament.application.message.service.RecordingPayloadSerializer;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfileImageServicesTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    private final IdentityFixture f = new IdentityFixture();
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final InMemoryBlobGc gc = new InMemoryBlobGc();
    private final RecordingGatewayEventPublisher gateway = new RecordingGatewayEventPublisher();
    private final RecordingPayloadSerializer payloads = new RecordingPayloadSerializer();
    private final AtomicInteger wakes = new AtomicInteger();
    private final UploadProfileImageService upload;
    private final GetProfileImageService images = new GetProfileImageService(f.users, f.unitOfWork);

    ProfileImageServicesTest() {
        f.unitOfWork.enlist(gc);
        upload = new UploadProfileImageService(f.users, f.unitOfWork,
                new BlobUploads(store, new InMemoryMimeSniffer(), gc, f.unitOfWork, f.clock), gc, store,
                wakes::incrementAndGet, gateway, payloads, f.ids, f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private AuthenticatedUser caller(String name) {
        f.registered(name);
        return f.authenticate.authenticate(new WithToken(f.loggedIn(name).accessToken(), IP));
    }

    private UserProfile put(AuthenticatedUser caller, ProfileImageKind kind, String declared, byte[] bytes) {
        return upload.upload(new UploadProfileImageCommand(caller, kind, DeclaredType.parse(declared),
                new ByteArrayInputStream(bytes)));
    }

    @Test
    void firstUploadStoresMetadataVersionNowAndTellsObservers() {
        AuthenticatedUser alice = caller("alice");
        UserProfile after = put(alice, ProfileImageKind.AVATAR, "image/png", PNG);
        long now = f.clock.instant().getEpochSecond();
        assertThat(after.avatarVersion()).isEqualTo(now);
        assertThat(after.bannerVersion()).isZero();
        StoredImage image = images.get(new GetProfileImageQuery(alice.userId(), ProfileImageKind.AVATAR));
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(image.sizeBytes()).isEqualTo(PNG.length);
        assertThat(image.objectKey()).startsWith("avatars/" + alice.userId().value() + "/");
        BlobKey key = BlobKey.parse(image.objectKey()).orElseThrow();
        assertThat(store.contains(key)).isTrue();
        assertThat(gc.notBefore(key)).as("tombstone cancelled in the same commit").isEmpty();
        assertThat(gateway.events().getLast().scope()).isEqualTo(GatewayEvent.Scope.observers(alice.userId()));
        assertThat(payloads.lastEvent()).isEqualTo(new UserEvent.ProfileAvatarUpdate(alice.userId().value(), now, now));
        assertThat(wakes.get()).isEqualTo(1);
    }

    @Test
    void replacingQueuesTheOldKeyForSixtySecondsAndBumpsTheVersionWithinTheSameSecond() {
        AuthenticatedUser alice = caller("alice");
        put(alice, ProfileImageKind.BANNER, null, PNG);
        StoredImage first = images.get(new GetProfileImageQuery(alice.userId(), ProfileImageKind.BANNER));
        UserProfile after = put(alice, ProfileImageKind.BANNER, "application/octet-stream", PNG);
        assertThat(after.bannerVersion()).isEqualTo(first.version() + 1);
        StoredImage second = images.get(new GetProfileImageQuery(alice.userId(), ProfileImageKind.BANNER));
        assertThat(second.objectKey()).isNotEqualTo(first.objectKey());
        assertThat(gc.notBefore(BlobKey.parse(first.objectKey()).orElseThrow()))
                .contains(f.clock.instant().plus(Duration.ofSeconds(60)));
        assertThat(payloads.lastEvent()).isInstanceOf(UserEvent.ProfileBannerUpdate.class);
    }

    @Test
    void refusedTypeOrEmptyOrMismatchedBodyStoresNothing() {
        AuthenticatedUser alice = caller("alice");
        assertThatThrownBy(() -> put(alice, ProfileImageKind.AVATAR, null, "hello".getBytes()))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> put(alice, ProfileImageKind.AVATAR, null, new byte[0]))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> put(alice, ProfileImageKind.AVATAR, "image/gif", PNG))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(store.size()).isZero();
        assertThat(gateway.events()).isEmpty();
        assertThatThrownBy(() -> images.get(new GetProfileImageQuery(alice.userId(), ProfileImageKind.AVATAR)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailureAfterTheBlobWasWrittenDeletesItAndLeavesNoRow() {
        AuthenticatedUser ghost = new AuthenticatedUser(f.ids.newUserId(), new SessionId(f.ids.next()),
                new Username("ghost"));
        assertThatThrownBy(() -> put(ghost, ProfileImageKind.AVATAR, "image/png", PNG))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(store.size()).isZero();
        assertThat(gc.rows()).as("the tombstone stays: the collector finds nothing to delete").isEqualTo(1);
        assertThat(gateway.events()).isEmpty();
    }
}
