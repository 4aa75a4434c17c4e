package dev.filament.application.blob.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.fakes.InMemoryBlobGc;
import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.fakes.InMemoryMimeSniffer;
import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadKind;
import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.application.blob.port.in.UploadRequest;
import dev.filament.application.blob.port.in.UploadedBlob;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.SniffedType;
import dev.filament.application.blob.port.out.UploadEvents;
import dev.filament.application.blob.port.out.UploadOutcome;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlobUploadsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final BlobKey KEY = BlobKey.attachment("01J00000000000000000000001");

    private final MutableClock clock = new MutableClock(Instant.parse("2031-01-01T00:00:00Z"));
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final InMemoryBlobGc gc = new InMemoryBlobGc();
    private final java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlobUploads uploads = new BlobUploads(store, new InMemoryMimeSniffer(), gc,
            new InMemoryUnitOfWork().enlist(gc), clock, new UploadEvents() {
                @Override
                public void completed(UploadKind kind, long sizeBytes, SniffedType type, long durationMs) {
                    events.add(kind.wireName() + " ok " + sizeBytes + " " + type.mime());
                }

                @Override
                public void rejected(UploadKind kind, UploadOutcome reason, long sizeBytes, long durationMs) {
                    events.add(kind.wireName() + " " + reason.wireName() + " " + sizeBytes);
                }
            });

    private static byte[] png(int size) {
        byte[] b = new byte[size];
        System.arraycopy(PNG, 0, b, 0, PNG.length);
        return b;
    }

    /** An endless body of {@code a}s (after a PNG signature when asked), served {@code maxChunk} bytes at most. */
    private static InputStream generated(AtomicLong served, int maxChunk, boolean pngFirst) {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = Math.min(len, maxChunk);
                Arrays.fill(b, off, off + n, (byte) 'a');
                if (pngFirst && served.get() == 0) {
                    System.arraycopy(PNG, 0, b, off, PNG.length);
                }
                served.addAndGet(n);
                return n;
            }
        };
    }

    private UploadedBlob upload(String declared, UploadPolicy policy, byte[] body) {
        return uploads.upload(UploadRequest.of(KEY, DeclaredType.parse(declared), policy),
                new ByteArrayInputStream(body));
    }

    @Test
    void anAcceptedUploadIsStoredWithItsSniffedTypeSizeAndHashAndProtectedByATombstone() {
        UploadedBlob blob = upload("image/x-png; q=1", UploadPolicy.AVATAR, png(100_000));

        assertThat(blob.type()).isEqualTo(SniffedType.IMAGE_PNG);
        assertThat(blob.mime()).isEqualTo("image/png");
        assertThat(blob.sizeBytes()).isEqualTo(100_000);
        assertThat(blob.sha256Hex()).hasSize(64);
        assertThat(store.contains(KEY)).isTrue();
        assertThat(store.largestChunkRead()).isLessThanOrEqualTo(65536);
        assertThat(gc.notBefore(KEY)).contains(Instant.parse("2031-01-01T01:00:00Z"));
    }

    @Test
    void anUndeclaredTypeTakesTheSniffedOne() {
        assertThat(upload(null, UploadPolicy.ATTACHMENT, "hi".getBytes()).type()).isEqualTo(SniffedType.TEXT_PLAIN);
        assertThat(upload("application/octet-stream", UploadPolicy.ATTACHMENT, png(10)).type())
                .isEqualTo(SniffedType.IMAGE_PNG);
        assertThat(upload("text/markdown", UploadPolicy.ATTACHMENT, "# hi".getBytes()).type())
                .isEqualTo(SniffedType.TEXT_PLAIN);
    }

    @Test
    void theCapAllowsExactlyItsSizeAndRefusesTheFirstByteBeyond() {
        assertThat(upload("image/png", UploadPolicy.AVATAR, png(2_097_152)).sizeBytes()).isEqualTo(2_097_152);

        assertThatThrownBy(() -> upload("image/png", UploadPolicy.AVATAR, png(2_097_153)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.TOO_LARGE));
    }

    @Test
    void theCapStopsReadingAnEndlessBodyAtTheFirstByteBeyond() {
        AtomicLong served = new AtomicLong();
        InputStream endless = generated(served, Integer.MAX_VALUE, true);
        assertThatThrownBy(() -> uploads.upload(UploadRequest.of(KEY, DeclaredType.UNDECLARED, UploadPolicy.AVATAR),
                endless)).isInstanceOf(UploadRejectedException.class);
        assertThat(served.get()).isEqualTo(2_097_153);
        assertThat(store.contains(KEY)).isFalse();
    }

    @Test
    void aTypeOutsideTheAllowlistIsRefusedAsSoonAsTheSniffWindowArrived() {
        AtomicLong served = new AtomicLong();
        InputStream text = generated(served, 4096, false);
        assertThatThrownBy(() -> uploads.upload(UploadRequest.of(KEY, DeclaredType.UNDECLARED, UploadPolicy.AVATAR),
                text)).isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.UNSUPPORTED_TYPE));
        assertThat(served.get()).isEqualTo(8192);
        assertThat(store.contains(KEY)).isFalse();
    }

    @Test
    void unknownBytesAreRefusedEvenForAttachments() {
        assertThatThrownBy(() -> upload(null, UploadPolicy.ATTACHMENT, new byte[] {0, 1, 2}))
                .isInstanceOf(UploadRejectedException.class);
        assertThatThrownBy(() -> upload(null, UploadPolicy.ATTACHMENT,
                "<html><script>x</script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadRejectedException.class);
    }

    @Test
    void anEmptyBodyIsAnInvalidRequest() {
        assertThatThrownBy(() -> upload("image/png", UploadPolicy.AVATAR, new byte[0]))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(store.contains(KEY)).isFalse();
    }

    @Test
    void aDeclaredTypeIncompatibleWithTheSniffedOneIsAnInvalidRequest() {
        assertThatThrownBy(() -> upload("image/jpeg", UploadPolicy.AVATAR, png(100)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> upload("application/pdf", UploadPolicy.ATTACHMENT, "text".getBytes()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(store.contains(KEY)).isFalse();
    }

    @Test
    void theQuotaStopsTheUploadAsSoonAsItsRunningSizeExceedsWhatIsLeft() {
        UploadRequest request = new UploadRequest(KEY, DeclaredType.UNDECLARED, UploadPolicy.ATTACHMENT, 1000);
        assertThatThrownBy(() -> uploads.upload(request, new ByteArrayInputStream(png(1001))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("quota_exceeded"));
        assertThat(uploads.upload(request, new ByteArrayInputStream(png(1000))).sizeBytes()).isEqualTo(1000);
    }

    @Test
    void refusedDeclaredTypesAndMalformedHeaders() {
        for (String refused : new String[] {"text/html", "TEXT/HTML; charset=utf-8", "application/xhtml+xml",
                "image/svg+xml", "text/xml", "application/xml", "text/javascript", "application/javascript",
                "application/x-javascript", "application/ecmascript", "text/ecmascript"}) {
            assertThatThrownBy(() -> DeclaredType.parse(refused)).as(refused)
                    .isInstanceOf(UploadRejectedException.class);
        }
        for (String malformed : new String[] {"image", "image/", "/png", "image/png/x", "ima ge/png", "\"a\"/b"}) {
            assertThatThrownBy(() -> DeclaredType.parse(malformed)).as(malformed)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(DeclaredType.parse(" Image/PNG ; x=y").essence()).contains("image/png");
        assertThat(DeclaredType.parse("")).isEqualTo(DeclaredType.UNDECLARED);
    }

    @Test
    void everyOutcomeIsReportedWithItsKind() {
        upload("image/png", UploadPolicy.AVATAR, png(10));
        expectFailure(() -> upload("image/png", UploadPolicy.BANNER, png(6_291_457)));
        expectFailure(() -> upload(null, UploadPolicy.AVATAR, "text".getBytes()));
        expectFailure(() -> upload("image/jpeg", UploadPolicy.AVATAR, png(10)));
        expectFailure(() -> upload(null, UploadPolicy.ATTACHMENT, new byte[0]));
        expectFailure(() -> uploads.upload(new UploadRequest(KEY, DeclaredType.UNDECLARED, UploadPolicy.ATTACHMENT, 5),
                new ByteArrayInputStream(png(10))));
        expectFailure(() -> uploads.declaredType(UploadPolicy.ATTACHMENT, "text/html"));
        expectFailure(() -> uploads.declaredType(UploadPolicy.ATTACHMENT, "nonsense"));

        assertThat(events).containsExactly("avatar ok 10 image/png", "banner too_large 6291457",
                "avatar type_refused 4", "avatar type_mismatch 10", "attachment empty 0", "attachment quota 6",
                "attachment type_refused 0", "attachment invalid 0");
    }

    private static void expectFailure(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(RuntimeException.class);
    }

    @Test
    void compatibilityClassesFollowTheTable() {
        assertThat(SniffedType.APPLICATION_ZIP.accepts("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isTrue();
        assertThat(SniffedType.APPLICATION_ZIP.accepts("application/vnd.oasis.opendocument.text")).isTrue();
        assertThat(SniffedType.APPLICATION_ZIP.accepts("application/vnd.openxmlformats-officedocument.")).isFalse();
        assertThat(SniffedType.TEXT_PLAIN.accepts("text/csv")).isTrue();
        assertThat(SniffedType.TEXT_PLAIN.accepts("application/json")).isTrue();
        assertThat(SniffedType.TEXT_PLAIN.accepts("application/pdf")).isFalse();
        assertThat(SniffedType.AUDIO_OGG.accepts("video/ogg")).isTrue();
        assertThat(SniffedType.VIDEO_WEBM.accepts("audio/webm")).isTrue();
        assertThat(SniffedType.IMAGE_PNG.accepts("image/jpeg")).isFalse();
    }
}
