package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.application.wire.EventSerializer;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.ResumeOutcome;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resume requests (SPEC 9.11), answered on the dispatcher thread so that taking a session over is atomic with respect
 * to event delivery: every frame is either in the replay handed to the new connection or queued to it live, never
 * both and never neither. The rules apply in the SPEC's order; anything but a full replay answers
 * {@code invalid_session} and starts a new session on the socket.
 */
final class Resumes {
    private static final Logger LOG = LoggerFactory.getLogger(Resumes.class);

    private final SessionRegistry registry;
    private final Disconnects disconnects;
    private final GatewayEventPublisher publisher;
    private final GatewayMetrics metrics;
    private final EventSerializer serializer;
    private final ResumeLimits limits;
    private final LongAdder replayBytes;
    private final Map<ConnectionId, ConnectionSession> resuming;

    Resumes(SessionRegistry registry, Disconnects disconnects, GatewayEventPublisher publisher, GatewayMetrics metrics,
            EventSerializer serializer, ResumeLimits limits, LongAdder replayBytes,
            Map<ConnectionId, ConnectionSession> resuming) {
        this.registry = registry;
        this.disconnects = disconnects;
        this.publisher = publisher;
        this.metrics = metrics;
        this.serializer = serializer;
        this.limits = limits;
        this.replayBytes = replayBytes;
        this.resuming = resuming;
    }

    /** A new gateway session's log, its {@code s} starting at 1. */
    ReplayLog newLog() {
        return new ReplayLog(limits, replayBytes, ResumeKeys.newKey());
    }

    /** Queues {@code ready} {@code {user_id, resume_key}} to a connection that has its log and no frame yet. */
    void ready(ConnectionSession connection) {
        offer(connection, ConnectionEvent.Ready.TYPE,
                serializer.toJson(ConnectionEvent.Ready.of(connection.user(), connection.resumeKey())));
    }

    void handle(Dispatch.Resume request) {
        ConnectionSession fresh = request.connection();
        int[] replayed = {0};
        ResumeOutcome outcome = registry.byResumeKey(request.resumeKey())
                .map(named -> attempt(named, fresh, request.resumeSeq(), replayed))
                .orElse(ResumeOutcome.UNKNOWN);
        if (outcome != ResumeOutcome.RESUMED) {
            startNewSession(fresh, outcome);
        }
        resuming.remove(fresh.id(), fresh);
        if (fresh.state() != ConnectionSession.State.OPEN) {
            disconnects.depart(fresh); // it closed while waiting: its departure found nothing registered
        }
        metrics.resume(outcome);
        LOG.atInfo().setMessage("gateway.resume").addKeyValue("connection_id", fresh.id())
                .addKeyValue("user_id", fresh.user()).addKeyValue("outcome", outcome.label())
                .addKeyValue("replayed", replayed[0]).log();
    }

    private ResumeOutcome attempt(ConnectionSession old, ConnectionSession fresh, long resumeSeq, int[] replayed) {
        if (!old.user().equals(fresh.user()) || !old.session().equals(fresh.session())) {
            return ResumeOutcome.MISMATCH;
        }
        if (old.state() == ConnectionSession.State.OPEN) {
            // the server has not noticed that the old socket died: detach it now, without a close frame
            disconnects.close(old, CloseReason.CONNECTION_LOST);
        }
        Handover handover = old.handOver(resumeSeq, ResumeKeys.newKey());
        return switch (handover.outcome()) {
            case UNKNOWN -> ResumeOutcome.UNKNOWN;
            case OUT_OF_RANGE -> discarded(old, ResumeOutcome.OUT_OF_RANGE);
            case GAP -> discarded(old, ResumeOutcome.GAP);
            case RESUMED -> {
                replayed[0] = handover.replay().size();
                takeOver(old, fresh, handover);
                yield ResumeOutcome.RESUMED;
            }
        };
    }

    private ResumeOutcome discarded(ConnectionSession old, ResumeOutcome outcome) {
        disconnects.forget(old);
        return outcome;
    }

    private void takeOver(ConnectionSession old, ConnectionSession fresh, Handover handover) {
        if (!fresh.adopt(handover.log(), handover.replay())) {
            disconnects.forget(old); // the new socket is already gone: the session cannot survive it
            return;
        }
        List<GuildId> online = registry.takeOver(old, fresh);
        disconnects.forget(old);
        if (online == null) {
            registry.register(fresh); // not expected: handOver succeeded, so old was still a detached member
        }
        offer(fresh, ConnectionEvent.Resumed.TYPE,
                serializer.toJson(new ConnectionEvent.Resumed(fresh.resumeKey(), handover.replay().size())));
        for (GuildId guild : online == null ? List.<GuildId>of() : online) {
            publisher.publish(PresenceStatus.ONLINE.updateEvent(guild, fresh.user(), serializer));
        }
    }

    private void startNewSession(ConnectionSession fresh, ResumeOutcome outcome) {
        if (!fresh.adopt(newLog(), List.of())) {
            return;
        }
        offer(fresh, ConnectionEvent.InvalidSession.TYPE,
                serializer.toJson(new ConnectionEvent.InvalidSession(outcome.label())));
        ready(fresh);
        registry.register(fresh);
    }

    private void offer(ConnectionSession connection, String type, String payload) {
        connection.offer(type, "connection", payload, OutboundFrame.serializedSize(type, payload));
        metrics.eventEmitted("connection", type);
    }
}
