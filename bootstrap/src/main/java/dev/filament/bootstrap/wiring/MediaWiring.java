package dev.filament.bootstrap.wiring;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.message.service.DeleteAttachmentService;
import dev.filament.application.message.service.ReadAttachmentService;
import dev.filament.application.message.service.SweepUnboundAttachments;
import dev.filament.application.message.service.UploadAttachmentService;
import dev.filament.bootstrap.wiring.BlobWiring.Blobs;
import dev.filament.bootstrap.wiring.MessageWiring.Messages;
import dev.filament.domain.id.IdGenerator;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.message.AttachmentRoutes;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.realtime.media.AttachmentSweepJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Attachments (SPEC 8.5): the upload, download and delete routes over the blob foundation, and the unbound-upload
 * sweeper on its own thread (first pass one period after start, then every 10 min).
 */
public final class MediaWiring {

    private MediaWiring() {
    }

    /**
     * @param messages the message wiring (its message and attachment tables)
     * @param limiters where the {@code attachment_upload} limiter is added (swept with the others)
     * @param meters   receives {@code filament_attachments_swept_total}
     */
    public static AttachmentRoutes start(AccessLadder ladder, Audits audits, HandOffs handOffs,
                                         JooqUnitOfWork unitOfWork, Messages messages, Blobs blobs,
                                         Limiters limiters, MeterRegistry meters, IdGenerator ids, Clock clock,
                                         BearerAuthenticator bearer, Lifecycle lifecycle) {
        var attachments = messages.attachments();
        Counter swept = Counter.builder("filament.attachments.swept").register(meters);
        lifecycle.own(new AttachmentSweepJob(new SweepUnboundAttachments(unitOfWork, attachments, blobs.collector(),
                clock), swept::increment).start(SweepUnboundAttachments.PERIOD, SweepUnboundAttachments.PERIOD));
        return new AttachmentRoutes(
                new UploadAttachmentService(limiters.add(UploadAttachmentService.LIMIT), ladder, unitOfWork,
                        attachments, blobs.uploads(), blobs.tombstones(), blobs.store(), handOffs, ids, clock),
                new ReadAttachmentService(ladder, unitOfWork, attachments),
                new DeleteAttachmentService(ladder, unitOfWork, attachments, messages.messages(), audits, handOffs,
                        blobs.collector(), clock),
                blobs.downloads(), bearer);
    }
}
