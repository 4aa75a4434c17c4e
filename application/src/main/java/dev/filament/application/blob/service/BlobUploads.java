package dev.filament.application.blob.service;

import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.application.blob.port.in.UploadKind;
import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.in.UploadRequest;
import dev.filament.application.blob.port.in.UploadedBlob;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.blob.port.out.MimeSniffer;
import dev.filament.application.blob.port.out.StoredBlob;
import dev.filament.application.blob.port.out.UploadEvents;
import dev.filament.application.shared.port.out.UnitOfWork;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The raw-body upload pipeline shared by the avatar, banner and attachment routes (SPEC 8.7): tombstone, then stream
 * into the blob store with cap, quota, sniffing and SHA-256, then the caller's own transaction writes its row and
 * cancels the tombstone ({@link BlobTombstones#cancel}) in the same commit.
 *
 * <p>Call {@link #upload} outside any transaction: the tombstone commits in its own short transaction before the
 * first body byte is read, so a crash between the blob write and the route's commit leaves a blob that the collector
 * removes after {@link #TOMBSTONE} (a refused upload leaves its tombstone likewise; it is harmless).
 */
public final class BlobUploads {
    /** How long a fresh upload's key is protected before the collector may delete it (SPEC 8.7, 13). */
    public static final Duration TOMBSTONE = Duration.ofSeconds(3600);

    private final BlobStore store;
    private final MimeSniffer sniffer;
    private final BlobTombstones tombstones;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final UploadEvents events;

    /** Without upload events (tests). */
    public BlobUploads(BlobStore store, MimeSniffer sniffer, BlobTombstones tombstones, UnitOfWork unitOfWork,
                       Clock clock) {
        this(store, sniffer, tombstones, unitOfWork, clock, UploadEvents.NONE);
    }

    public BlobUploads(BlobStore store, MimeSniffer sniffer, BlobTombstones tombstones, UnitOfWork unitOfWork,
                       Clock clock, UploadEvents events) {
        this.events = Objects.requireNonNull(events, "events");
        this.store = Objects.requireNonNull(store, "store");
        this.sniffer = Objects.requireNonNull(sniffer, "sniffer");
        this.tombstones = Objects.requireNonNull(tombstones, "tombstones");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Streams {@code body} into the store under the request's key and returns what was committed. Throws
     * {@code UploadRejectedException} (413 cap, 415 type), {@code InvalidRequestException} (400: empty, declared type
     * incompatible), {@code ConflictException} (409 quota) or {@code UnavailableException} (503 store or database);
     * nothing is stored then. Does not close {@code body}.
     */
    public UploadedBlob upload(UploadRequest request, InputStream body) {
        Objects.requireNonNull(request, "request");
        long started = clock.millis();
        UploadStream stream = new UploadStream(new NonClosing(body), sniffer, request.declared(), request.policy(),
                request.quotaRemainingBytes());
        UploadKind kind = request.policy().kind();
        try {
            unitOfWork.run(() -> tombstones.schedule(request.key(), clock.instant().plus(TOMBSTONE)));
            StoredBlob stored = store.write(request.key(), stream);
            events.completed(kind, stored.sizeBytes(), stream.sniffed(), clock.millis() - started);
            return new UploadedBlob(request.key(), stored.sizeBytes(), stored.sha256Hex(), stream.sniffed());
        } catch (RuntimeException e) {
            events.rejected(kind, UploadRefusals.classify(e, stream.refusal()), stream.bytesRead(),
                    clock.millis() - started);
            throw e;
        }
    }

    /**
     * Step 1 of 8.7 for {@code policy}'s route: {@link DeclaredType#parse} of the {@code Content-Type} header, with a
     * refusal (400 malformed, 415 refused type) reported as {@code upload.rejected} ({@code invalid} /
     * {@code type_refused}). Call it where the route's order puts the declared type, before the body is read.
     */
    public DeclaredType declaredType(UploadPolicy policy, String header) {
        try {
            return DeclaredType.parse(header);
        } catch (RuntimeException e) {
            events.rejected(policy.kind(), UploadRefusals.classify(e, null), 0, 0);
            throw e;
        }
    }

    /** The store may close what it reads; the request body belongs to the HTTP layer. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(Objects.requireNonNull(in, "body"));
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            // left to the owner
        }
    }
}
