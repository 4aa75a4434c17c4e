package dev.filament.http.message;

import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.message.port.in.AttachmentCommand;
import dev.filament.application.message.port.in.DeleteAttachmentUseCase;
import dev.filament.application.message.port.in.ReadAttachmentUseCase;
import dev.filament.application.message.port.in.UploadAttachmentUseCase;
import dev.filament.application.message.port.in.UploadAttachmentUseCase.UploadAttachmentCommand;
import dev.filament.application.wire.MessageResponse;
import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.blob.BlobDownloads;
import dev.filament.http.blob.DownloadHeaders;
import dev.filament.http.blob.RawUploads;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * SPEC 8.5: upload (raw body, streamed), download (streamed, with the SPEC's headers and Range) and delete of
 * attachments. Each handler runs authentication (401), path ids (404) and the query (400) itself, then the use case
 * (ladder, rules, transaction); the upload's body is read by the use case after its checks, never buffered.
 */
public final class AttachmentRoutes implements RouteModule {
    static final String ATTACHMENTS = "/guilds/{g}/channels/{c}/attachments";
    static final String ATTACHMENT = ATTACHMENTS + "/{a}";

    private final UploadAttachmentUseCase upload;
    private final ReadAttachmentUseCase read;
    private final DeleteAttachmentUseCase delete;
    private final BlobDownloads downloads;
    private final BearerAuthenticator auth;

    public AttachmentRoutes(UploadAttachmentUseCase upload, ReadAttachmentUseCase read,
                            DeleteAttachmentUseCase delete, BlobDownloads downloads,
                            BearerAuthenticator auth) {
        this.upload = Objects.requireNonNull(upload, "upload");
        this.read = Objects.requireNonNull(read, "read");
        this.delete = Objects.requireNonNull(delete, "delete");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    @Override
    public void register(Router router) {
        router.postUpload(ATTACHMENTS, Attachment.MAX_BYTES, this::upload);
        router.get(ATTACHMENT, this::download);
        router.delete(ATTACHMENT, this::delete);
    }

    private void upload(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        QueryParams query = QueryParams.of(ctx, "filename");
        UploadAttachmentCommand command = new UploadAttachmentCommand(caller, RequestAttributes.clientIp(ctx), guild,
                channel, query.string("filename"), Optional.ofNullable(ctx.header("Content-Type")),
                RawUploads.body(ctx));
        Attachment stored = upload.upload(command); // logs and meters: the upload pipeline's UploadEvents
        ctx.json(MessageResponse.Attachment.of(stored));
    }

    private void download(Context ctx) {
        AttachmentCommand command = command(ctx);
        Attachment a = read.read(command);
        downloads.serve(ctx, new BlobDownloads.Blob(BlobKey.attachment(a.id().value()), a.sizeBytes(), a.sha256Hex(),
                a.mimeType()), DownloadHeaders.attachment(a.filename().value()));
    }

    private void delete(Context ctx) {
        delete.delete(command(ctx));
        ctx.status(204);
    }

    private AttachmentCommand command(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        AttachmentId attachment = AttachmentId.of(PathIds.ulid(ctx, "a"));
        QueryParams.of(ctx);
        return new AttachmentCommand(caller, RequestAttributes.clientIp(ctx), guild, channel, attachment);
    }
}
