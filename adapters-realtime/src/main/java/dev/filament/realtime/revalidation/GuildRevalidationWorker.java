package dev.filament.realtime.revalidation;

import dev.filament.application.gateway.port.out.SubscriptionRevalidations;
import dev.filament.application.gateway.port.in.RevalidateGuildSubscriptionsUseCase.RevalidationResult;
import dev.filament.application.gateway.port.in.RevalidateGuildSubscriptionsUseCase;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.guild.port.out.VoiceRemovals;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker of SPEC 9.10 and 11.5: a coalescing hand-off per guild in front of one thread that runs the
 * revalidation use case (subscriptions, then voice participants).
 *
 * <p>A guild is queued at most once: a request for a guild already pending is absorbed. The worker un-marks a guild
 * just before its pass, so a burst arriving during a pass costs exactly one more pass, and a commit is always
 * followed by a pass that starts after it. Requests never block (a set insert and an unbounded queue offer, bounded
 * in practice by the number of guilds) and never throw; a failing pass is logged and the worker goes on.
 */
public final class GuildRevalidationWorker implements GuildRevalidation, VoiceRemovals, SubscriptionRevalidations,
        AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuildRevalidationWorker.class);
    // request stamps striped by guild: bounded memory; a shared stripe only costs a spurious (coalesced) pass
    private static final int STRIPES = 1024;

    private final VoiceRegistry voice;
    private final Clock clock;
    private final Set<GuildId> pending = ConcurrentHashMap.newKeySet();
    private final Set<GuildId> withVoice = ConcurrentHashMap.newKeySet(); // queued by a local commit (17.6)
    private final LinkedBlockingQueue<GuildId> queue = new LinkedBlockingQueue<>();
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile RevalidateGuildSubscriptionsUseCase revalidation;
    private volatile boolean running;
    private Thread thread;

    /** {@code voice} serves {@link #removeFromGuild}; the passes get their use case at {@link #start}. */
    public GuildRevalidationWorker(VoiceRegistry voice, Clock clock) {
        this.voice = voice;
        this.clock = clock;
    }

    /**
     * Starts the worker thread running {@code passes}. The use case is given here, not to the constructor, because
     * the guild services it reads through are themselves wired with this worker as their revalidation hand-off.
     * Requests made before are kept and run once it starts.
     */
    public synchronized void start(RevalidateGuildSubscriptionsUseCase passes) {
        if (thread != null) {
            throw new IllegalStateException("guild revalidation worker already started");
        }
        this.revalidation = Objects.requireNonNull(passes, "passes");
        running = true;
        thread = Thread.ofPlatform().daemon().name("guild-revalidation").start(this::loop);
    }

    /** Queues a pass (with the voice re-evaluation) unless one is already pending. Never blocks, never throws. */
    @Override
    public void enqueue(GuildId guild) {
        queue(guild, true);
    }

    /**
     * Another node committed the change (SPEC 17.6, one executor per change): a pass over this node's gateway
     * subscriptions only; the committing node re-evaluates voice. Never blocks, never throws.
     */
    public void enqueueSubscriptionsOnly(GuildId guild) {
        queue(guild, false);
    }

    private void queue(GuildId guild, boolean voice) {
        try {
            if (guild == null) {
                return;
            }
            if (voice) {
                withVoice.add(guild); // before queuing: the pass that takes the guild sees it
            }
            stamps.incrementAndGet(stripe(guild)); // before queuing, so a stamp read after this sees the move
            if (pending.add(guild)) {
                queue.offer(guild);
            }
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("guild.revalidation.enqueue_failed").addKeyValue("guild_id", guild).setCause(e)
                    .log();
        }
    }

    @Override
    public long stamp(GuildId guild) {
        return stamps.get(stripe(guild));
    }

    @Override
    public void request(GuildId guild) {
        enqueue(guild);
    }

    private static int stripe(GuildId guild) {
        return Math.floorMod(guild.hashCode(), STRIPES);
    }

    /** Voice re-evaluation is part of the guild's pass, so it coalesces with the revalidation of the same commit. */
    @Override
    public void reevaluate(GuildId guild) {
        enqueue(guild);
    }

    /** Kick or ban: the registry removes the user at once (in-memory work, no waiting). */
    @Override
    public void removeFromGuild(UserId user, GuildId guild) {
        try {
            voice.removeUserFromGuild(user, guild, clock.instant());
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("voice.remove_from_guild.failed").addKeyValue("guild_id", guild)
                    .addKeyValue("user_id", user).setCause(e).log();
        }
    }

    private void loop() {
        while (running) {
            GuildId guild;
            try {
                guild = queue.take();
            } catch (InterruptedException e) {
                continue; // close() clears running first; a stray interrupt from a pass must not end the worker
            }
            pending.remove(guild); // before the pass: a request from now on gets a pass that starts after it
            runPass(guild, withVoice.remove(guild));
        }
    }

    private void runPass(GuildId guild, boolean voice) {
        long started = System.nanoTime();
        try {
            RevalidationResult result = revalidation.revalidate(guild, voice);
            if (result.subscriptionsDropped() > 0 || result.voiceParticipantsRemoved() > 0) {
                LOG.atInfo().setMessage("guild.revalidation").addKeyValue("guild_id", guild)
                        .addKeyValue("checked", result.subscriptionsChecked())
                        .addKeyValue("dropped", result.subscriptionsDropped())
                        .addKeyValue("voice_removed", result.voiceParticipantsRemoved())
                        .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000).log();
            }
        } catch (RuntimeException | Error e) {
            // whatever a pass throws, the worker lives on: the next commit of the guild queues a new pass
            failures.incrementAndGet();
            LOG.atWarn().setMessage("guild.revalidation.failed").addKeyValue("guild_id", guild).setCause(e).log();
        } finally {
            passes.incrementAndGet();
        }
    }

    /** Passes finished (successful or not) since start. */
    public long completedPasses() {
        return passes.get();
    }

    /** Passes that failed and were logged. */
    public long failedPasses() {
        return failures.get();
    }

    /** Guilds waiting for a pass. */
    public int pendingGuilds() {
        return pending.size();
    }

    /** Stops the worker; a pass in progress is interrupted, pending guilds are dropped. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
