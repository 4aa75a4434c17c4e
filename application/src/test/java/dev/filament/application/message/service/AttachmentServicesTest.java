package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.message.port.in.AttachmentCommand;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.UploadAttachmentUseCase.UploadAttachmentCommand;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.AttachmentFilename;
import dev.filament.domain.message.MessageView;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC 8.5 against the fakes: upload order and refusals, visibility, delete rules, binding, sweeping. */
class AttachmentServicesTest {
    private final MessageFixture f = new MessageFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel channel = f.newChannel(guild.id());
    private final UserId member = f.newMember(guild.id());
    private final UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);

    private Attachment upload(UserId user, String filename, String type, byte[] body) {
        return f.media.upload().upload(new UploadAttachmentCommand(user, GuildFixture.IP, guild.id(), channel.id(),
                Optional.ofNullable(filename), Optional.ofNullable(type), new ByteArrayInputStream(body)));
    }

    private Attachment text(UserId user) {
        return upload(user, "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    }

    private AttachmentCommand on(UserId user, Attachment a) {
        return new AttachmentCommand(user, GuildFixture.IP, guild.id(), channel.id(), a.id());
    }

    private MessageView post(UserId user, String content, List<String> ids) {
        return f.useCases.create().create(CreateMessageCommand.rest(user, GuildFixture.IP, guild.id(), channel.id(),
                content, ids));
    }

    private void rejected(Class<? extends RuntimeException> type, Runnable attempt) {
        String before = f.fingerprint();
        assertThatThrownBy(attempt::run).isInstanceOf(type);
        assertThat(f.fingerprint()).isEqualTo(before);
    }

    /** A body that fails the test if anyone reads it. */
    private static InputStream unread() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
    }

    @Test
    void anUploadIsStoredUnboundWithItsSniffedTypeAndItsTombstoneCancelled() {
        Attachment a = upload(member, "résumé.txt", "text/markdown; charset=utf-8", "# hi".getBytes());

        assertThat(a.filename().value()).isEqualTo("résumé.txt");
        assertThat(a.mimeType()).isEqualTo("text/plain");
        assertThat(a.sizeBytes()).isEqualTo(4);
        assertThat(a.sha256Hex()).hasSize(64);
        assertThat(a.isBound()).isFalse();
        assertThat(f.blobs.contains(BlobKey.attachment(a.id().value()))).isTrue();
        assertThat(f.blobGc.rows()).isZero();
        assertThat(upload(member, null, null, "x".getBytes()).filename()).isEqualTo(AttachmentFilename.DEFAULT);
    }

    @Test
    void refusalsBeforeTheBodyWriteNothingAndReadNoByte() {
        for (String bad : List.of("", " ", "\uFEFF", "a/b", "a\\b", "nul\u0000", "tab\t", ".", "..", "é".repeat(65))) {
            rejected(InvalidRequestException.class, () -> f.media.upload().upload(new UploadAttachmentCommand(member,
                    GuildFixture.IP, guild.id(), channel.id(), Optional.of(bad), Optional.empty(), unread())));
        }
        rejected(InvalidRequestException.class, () -> f.media.upload().upload(new UploadAttachmentCommand(member,
                GuildFixture.IP, guild.id(), channel.id(), Optional.empty(), Optional.of("nonsense"), unread())));
        rejected(UploadRejectedException.class, () -> f.media.upload().upload(new UploadAttachmentCommand(member,
                GuildFixture.IP, guild.id(), channel.id(), Optional.empty(), Optional.of("text/html"), unread())));
        rejected(ForbiddenException.class, () -> f.media.upload().upload(new UploadAttachmentCommand(f.newUser(),
                GuildFixture.IP, guild.id(), channel.id(), Optional.of("/"), Optional.empty(), unread())));
    }

    @Test
    void refusalsOfTheBodyStoreNothing() {
        assertThatThrownBy(() -> upload(member, "a", null, new byte[0])).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> upload(member, "a", "image/png", "text".getBytes()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> upload(member, "a", null, new byte[] {0x7F, 'E', 'L', 'F', 0, 1}))
                .isInstanceOf(UploadRejectedException.class);
        assertThat(f.blobs.size()).isZero();
        assertThat(f.messages.attachments().count()).isZero();
    }

    @Test
    void theQuotaIsCheckedBeforeTheBody() {
        for (int i = 0; i < 10; i++) { // 10 x 25 MiB = the 250 MiB quota
            f.guilds.store.tx(() -> {
                f.messages.attachments().insert(new Attachment(f.guilds.ids.newAttachmentId(), guild.id(),
                        channel.id(), member, Optional.empty(), AttachmentFilename.DEFAULT, "text/plain",
                        Attachment.MAX_BYTES, "ab".repeat(32), f.guilds.clock.instant()));
                return null;
            });
        }
        rejected(ConflictException.class, () -> f.media.upload().upload(new UploadAttachmentCommand(member,
                GuildFixture.IP, guild.id(), channel.id(), Optional.empty(), Optional.empty(), unread())));
        assertThat(text(owner).sizeBytes()).isEqualTo(5);
    }

    @Test
    void anUnboundUploadIsVisibleToItsOwnerOnlyUntilBound() {
        Attachment a = text(member);

        assertThat(f.media.read().read(on(member, a))).isEqualTo(a);
        assertThatThrownBy(() -> f.media.read().read(on(owner, a))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.media.delete().delete(on(moderator, a))).isInstanceOf(NotFoundException.class);

        MessageView m = post(member, "", List.of(a.id().value()));

        assertThat(f.media.read().read(on(owner, a)).messageId()).contains(m.message().id());
        Channel other = f.newChannel(guild.id());
        assertThatThrownBy(() -> f.media.read().read(new AttachmentCommand(member, GuildFixture.IP, guild.id(),
                other.id(), a.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteByOwnerOrModeratorOnlyAndNeverTheLastOfAnEmptyMessage() {
        Attachment a = text(member);
        Attachment b = text(member);
        post(member, "", List.of(a.id().value(), b.id().value()));

        UserId bystander = f.newMember(guild.id());
        rejected(ForbiddenException.class, () -> f.media.delete().delete(on(bystander, a)));
        f.media.delete().delete(on(moderator, a));
        rejected(ConflictException.class, () -> f.media.delete().delete(on(member, b)));

        assertThat(f.guilds.db.auditRows()).extracting(r -> r.action())
                .containsExactly(AuditAction.ATTACHMENT_DELETE_MODERATION);
        assertThat(f.blobGc.notBefore(BlobKey.attachment(a.id().value()))).isPresent();
        assertThat(f.collectorWakes.get()).isEqualTo(1);
        Attachment c = text(member);
        f.media.delete().delete(on(member, c));
        assertThat(f.messages.attachments().count()).isEqualTo(1);
    }

    @Test
    void theThirtyFirstUploadOfAMinuteIsRateLimitedBeforeAnythingElse() {
        for (int i = 0; i < 30; i++) {
            text(member);
        }
        rejected(RateLimitedException.class, () -> f.media.upload().upload(new UploadAttachmentCommand(member,
                GuildFixture.IP, guild.id(), channel.id(), Optional.of("/"), Optional.empty(), unread())));
    }

    @Test
    void theSweeperDeletesOnlyDayOldUnboundUploads() {
        Attachment old = text(member);
        Attachment kept = text(member);
        post(member, "", List.of(kept.id().value()));
        f.guilds.clock.advance(Duration.ofSeconds(86_401));
        Attachment fresh = text(member);

        assertThat(f.media.sweeper().sweep(n -> { })).isEqualTo(1);

        assertThat(f.messages.attachments().deletedKeys()).containsExactly(old.objectKey());
        assertThat(f.media.read().read(on(member, fresh))).isEqualTo(fresh);
        assertThat(f.collectorWakes.get()).isEqualTo(1);
    }
}
