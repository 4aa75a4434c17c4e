package dev.filament.application.message.port.out;

import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: uploaded files (table {@code attachments}, SPEC 8.5, 12.1 V4). Every method joins the transaction open on
 * the calling thread and must be called inside one. Deleting a row, explicitly or by cascade, hands its blob key to the
 * collector in the same transaction (the V4 trigger; the fake records the keys). A message delete removes the
 * message's rows itself ({@link MessageRepository#delete}). Blocks for at most the statement and lock bounds.
 */
public interface AttachmentRepository {

    /** Bytes the owner's attachments take, bound or not, read without a lock (the pre-check of 8.5 step 5). */
    long usageBytes(UserId owner);

    /**
     * Locks the owner's {@code users} row ({@code FOR UPDATE}) and returns the usage summed under that lock (8.5 step
     * 7, W2): concurrent uploads of one user reserve their quota one after the other.
     */
    long lockOwnerAndSumUsage(UserId owner);

    void insert(Attachment attachment);

    /** The attachment when it belongs to {@code channel}; one of another channel is absent. */
    Optional<Attachment> find(ChannelId channel, AttachmentId attachment);

    /** As {@link #find}, holding the row lock ({@code FOR UPDATE}) until the transaction ends. */
    Optional<Attachment> lock(ChannelId channel, AttachmentId attachment);

    /**
     * Binds to {@code message} in one statement the rows among {@code ids} of the message's guild and channel, owned
     * by its author and still unbound; returns the rows bound, by id ascending (fewer than {@code ids} when some were
     * unknown, foreign, already bound or swept: the caller then rolls back).
     */
    List<Attachment> bind(Message message, Set<AttachmentId> ids);

    /** How many attachments are bound to {@code message}. */
    int countBound(MessageId message);

    /** Deletes the row; returns whether it existed. */
    boolean delete(AttachmentId attachment);

    /**
     * Deletes up to {@code limit} unbound attachments created before {@code cutoff}, claimed with
     * {@code FOR UPDATE SKIP LOCKED} so concurrent sweepers never wait on each other; returns how many it deleted.
     */
    int sweepUnbound(Instant cutoff, int limit);
}
