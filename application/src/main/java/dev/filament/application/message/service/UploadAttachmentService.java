package dev.filament.application.message.service;

import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.in.UploadRequest;
import dev.filament.application.blob.port.in.UploadedBlob;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.message.port.in.UploadAttachmentUseCase;
import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.AttachmentFilename;
import dev.filament.domain.ratelimit.LimitPolicy;
import java.time.Clock;
import java.util.Optional;

/**
 * Implements {@link UploadAttachmentUseCase} in the order of SPEC 8.5: ladder and quota pre-check in a short read
 * transaction, the body streamed by {@link BlobUploads} outside any transaction (tombstone first), then the final
 * transaction that locks the owner's {@code users} row, sums the usage again and inserts the row with the tombstone
 * cancelled. Two concurrent uploads of one user therefore reserve their bytes one after the other: the quota holds.
 */
public final class UploadAttachmentService implements UploadAttachmentUseCase {
    static final String DELETE_REFUSED = "blob.delete_refused_upload";

    /** {@code attachment_upload}: 30 uploads per user in 60 s (SPEC 2.6, 13). */
    public static final LimitPolicy LIMIT = LimitPolicy.slidingWindow("attachment_upload", 30, 60);

    private final RateLimiter limiter;
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final AttachmentRepository attachments;
    private final BlobUploads uploads;
    private final BlobTombstones tombstones;
    private final BlobStore store;
    private final HandOffs handOffs;
    private final IdGenerator ids;
    private final Clock clock;

    /** @param limiter the {@link #LIMIT} limiter, keyed by user id */
    public UploadAttachmentService(RateLimiter limiter, AccessLadder ladder, UnitOfWork unitOfWork,
                                   AttachmentRepository attachments, BlobUploads uploads, BlobTombstones tombstones, BlobStore store, HandOffs handOffs,
                                   IdGenerator ids, Clock clock) {
        this.limiter = limiter;
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.attachments = attachments;
        this.uploads = uploads;
        this.tombstones = tombstones;
        this.store = store;
        this.handOffs = handOffs;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Attachment upload(UploadAttachmentCommand command) {
        limiter.acquire(command.user().value());
        ladder.screen(command.user(), command.guild(), command.clientIp(), IpBanSurface.ATTACHMENTS_UPLOAD);
        long usage = unitOfWork.inTransaction(() -> {
            MessageSupport.readableChannel(ladder, command.user(), command.guild(), command.channel());
            return attachments.usageBytes(command.user());
        });
        AttachmentFilename filename = command.filename().map(AttachmentFilename::of)
                .orElse(AttachmentFilename.DEFAULT);
        DeclaredType declared = DeclaredType.parse(command.contentType().orElse(null));
        if (usage >= Attachment.QUOTA_BYTES) {
            throw ConflictException.quotaExceeded("attachment");
        }
        AttachmentId id = ids.newAttachmentId();
        BlobKey key = BlobKey.attachment(id.value());
        UploadedBlob blob = uploads.upload(new UploadRequest(key, declared, UploadPolicy.ATTACHMENT,
                Attachment.QUOTA_BYTES - usage), command.body());
        Attachment attachment = new Attachment(id, command.guild(), command.channel(), command.user(),
                Optional.empty(), filename, blob.mime(), blob.sizeBytes(), blob.sha256Hex(),
                MessageSupport.now(clock));
        try {
            unitOfWork.run(() -> {
                if (attachments.lockOwnerAndSumUsage(command.user()) + blob.sizeBytes() > Attachment.QUOTA_BYTES) {
                    throw ConflictException.quotaExceeded("attachment");
                }
                attachments.insert(attachment);
                tombstones.cancel(key);
            });
        } catch (RuntimeException e) {
            // the tombstone stays queued, so a failed delete here is collected later anyway
            handOffs.guarded(DELETE_REFUSED, () -> store.delete(key));
            throw e;
        }
        return attachment;
    }
}
