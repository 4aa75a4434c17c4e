package dev.filament.http.people;

import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetProfileImageUseCase;
import dev.filament.application.identity.port.in.GetProfileImageUseCase.GetProfileImageQuery;
import dev.filament.application.identity.port.in.UploadProfileImageUseCase;
import dev.filament.application.identity.port.in.UploadProfileImageUseCase.UploadProfileImageCommand;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** SPEC 4.5: avatar and banner uploads (raw, streamed) and their public downloads (ETag, 304, cache rules). */
public final class ProfileImageRoutes implements RouteModule {
    /** The largest integer a JavaScript client can hold exactly: the upper bound of {@code v}. */
    static final long MAX_V = 9_007_199_254_740_991L;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";
    static final Map<String, String> SANDBOX = Map.of("Content-Security-Policy", "default-src 'none'; sandbox");

    private final BearerAuthenticator auth;
    private final PeopleLimiters limiters;
    private final UploadProfileImageUseCase upload;
    private final GetProfileImageUseCase images;
    private final BlobDownloads downloads;
    private final MarkdownTokenizer markdown;

    public ProfileImageRoutes(BearerAuthenticator auth, PeopleLimiters limiters, UploadProfileImageUseCase upload,
                              GetProfileImageUseCase images, BlobDownloads downloads, MarkdownTokenizer markdown) {
        this.auth = auth;
        this.limiters = limiters;
        this.upload = upload;
        this.images = images;
        this.downloads = downloads;
        this.markdown = markdown;
    }

    @Override
    public void register(Router router) {
        router.postUpload("/users/me/profile/avatar", UploadPolicy.AVATAR.capBytes(),
                ctx -> upload(ctx, ProfileImageKind.AVATAR, limiters.avatarUpload()));
        router.postUpload("/users/me/profile/banner", UploadPolicy.BANNER.capBytes(),
                ctx -> upload(ctx, ProfileImageKind.BANNER, limiters.bannerUpload()));
        router.get("/users/{u}/avatar", ctx -> download(ctx, ProfileImageKind.AVATAR));
        router.get("/users/{u}/banner", ctx -> download(ctx, ProfileImageKind.BANNER));
    }

    // SPEC 4.5 order: limiter (client IP) -> AUTH -> no query -> declared type -> body (read by the use case)
    private void upload(Context ctx, ProfileImageKind kind, RateLimiter limiter) {
        limiter.acquire(RequestAttributes.clientIp(ctx).address().networkKey());
        AuthenticatedUser caller = auth.authenticate(ctx);
        QueryParams.of(ctx);
        DeclaredType declared = RawUploads.declaredType(ctx);
        ctx.json(PeopleBodies.Profile.of(upload.upload(new UploadProfileImageCommand(caller, kind, declared,
                RawUploads.body(ctx))), markdown));
    }

    // Public: an Authorization header is ignored. u (404) -> v (400) -> image (404) -> If-None-Match -> bytes
    private void download(Context ctx, ProfileImageKind kind) {
        UserId user = PathIds.user(ctx);
        OptionalLong v = version(QueryParams.of(ctx, "v").string("v"));
        StoredImage image = images.get(new GetProfileImageQuery(user, kind));
        String cache = v.isPresent() && v.getAsLong() == image.version() ? IMMUTABLE : SHORT;
        BlobKey key = BlobKey.parse(image.objectKey()).orElseThrow();
        downloads.serve(ctx, new BlobDownloads.Blob(key, image.sizeBytes(), image.sha256Hex(), image.mimeType()),
                new DownloadHeaders(cache, Optional.empty(), SANDBOX));
    }

    static OptionalLong version(Optional<String> raw) {
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        String s = raw.get();
        if (s.isEmpty() || s.length() > 16 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRequestException("v must be an integer 0..9007199254740991");
        }
        long value = Long.parseLong(s);
        if (value > MAX_V) {
            throw new InvalidRequestException("v must be an integer 0..9007199254740991");
        }
        return OptionalLong.of(value);
    }
}
