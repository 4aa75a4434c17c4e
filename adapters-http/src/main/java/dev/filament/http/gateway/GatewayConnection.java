package dev.filament.http.gateway;

import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.out.GatewayConnections;
import dev.filament.application.gateway.port.out.ResumeRequest;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.ratelimit.SlidingWindowLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded gateway socket on the binding side (SPEC 9.2-9.4, 9.10): reads and checks inbound messages on the
 * socket's reader, hands commands to its own worker, keeps the heartbeat, re-checks the session, closes at token
 * expiry, and asks the realtime core to close it with the reason of the first failure.
 */
final class GatewayConnection {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);

    private final GatewayAdmission admission;
    private final GatewayCaller caller;
    private final Optional<ResumeRequest> resume;
    private final JettyGatewaySocket transport;
    private final GatewaySettings settings;
    private final GatewayConnections connections;
    private final InboundReader reader;
    private final GatewayIngressMetrics metrics;
    private final CommandRunner commands;
    private final GatewayAuthenticator authenticator;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final InboundAssembler assembler;
    private final SlidingWindowLog ingress;
    private final CommandWorker worker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean rechecking = new AtomicBoolean();
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    private volatile long lastPongNanos = System.nanoTime();
    private volatile long lastPingNanos = lastPongNanos;

    /** The first four are this connection's; the rest are shared by every connection of the binding. */
    GatewayConnection(GatewayAdmission admission, GatewayCaller caller, Optional<ResumeRequest> resume,
                      JettyGatewaySocket transport,
                      GatewaySettings settings, GatewayConnections connections, InboundReader reader,
                      GatewayIngressMetrics metrics, CommandRunner commands, GatewayAuthenticator authenticator,
                      ScheduledExecutorService timer, Clock clock) {
        this.admission = admission;
        this.caller = caller;
        this.resume = resume;
        this.transport = transport;
        this.settings = settings;
        this.connections = connections;
        this.reader = reader;
        this.metrics = metrics;
        this.commands = commands;
        this.authenticator = authenticator;
        this.timer = timer;
        this.clock = clock;
        this.assembler = new InboundAssembler(settings.maxMessageBytes());
        this.ingress = new SlidingWindowLog(settings.ingressEvents(), settings.ingressWindow().toMillis());
        this.worker = new CommandWorker("gateway-commands-" + caller.connection(), settings.ingressEvents(), this::run);
    }

    /**
     * Registers with the core (which sends {@code ready} first, or answers the resume request, SPEC 9.11) and starts
     * the worker and the timers; ingress limiter and heartbeat start fresh either way.
     */
    void open() {
        worker.start();
        if (resume.isPresent()) {
            connections.resume(caller, admission.claims().exp(), transport, resume.get());
        } else {
            connections.connect(caller, admission.claims().exp(), transport);
        }
        every(settings.heartbeatTick(), this::heartbeat);
        every(settings.sessionRecheck(), this::recheck);
        Duration untilExpiry = Duration.between(clock.instant(), admission.claims().exp());
        schedule(timer.schedule(() -> close(CloseReason.TOKEN_EXPIRED),
                Math.max(0, untilExpiry.toMillis()), TimeUnit.MILLISECONDS));
    }

    synchronized void onText(String fragment, boolean last) {
        if (!closed.get()) {
            inbound(() -> {
                String message = assembler.text(fragment, last);
                return message == null ? null : reader.read(message);
            });
        }
    }

    synchronized void onBinary(ByteBuffer fragment, boolean last) {
        if (!closed.get()) {
            inbound(() -> {
                byte[] message = assembler.binary(fragment, last);
                return message == null ? null : reader.read(message);
            });
        }
    }

    private void inbound(java.util.function.Supplier<ClientCommand> read) {
        try {
            ClientCommand command = read.get();
            if (command == null) {
                return;
            }
            if (!ingress.tryAcquire(System.nanoTime() / 1_000_000).allowed() || !worker.offer(command)) {
                ingressLimited();
            }
        } catch (ProtocolViolation v) {
            metrics.rejected(v.reason());
            close(v.reason());
        }
    }

    private void ingressLimited() {
        metrics.ingressLimited();
        LOG.atInfo().addKeyValue("event", "rate_limit.rejected").addKeyValue("limiter", "gateway_ingress")
                .addKeyValue("key_kind", "connection").addKeyValue("connection_id", caller.connection())
                .addKeyValue("client_ip", caller.clientIp().address().toString())
                .addKeyValue("client_ip_source", caller.clientIp().source().wireName())
                .addKeyValue("route", GatewayRoutes.PATH).log("gateway ingress rate limited");
        close(CloseReason.INGRESS_RATE_LIMITED);
    }

    void onPong() {
        lastPongNanos = System.nanoTime();
    }

    /** The client closed: with 1000 the session ends; with any other code it is detached for a resume (SPEC 9.6). */
    void onPeerClosed(int statusCode) {
        close(statusCode == CloseReason.CLIENT_CLOSE.code() ? CloseReason.CLIENT_CLOSE : CloseReason.CONNECTION_LOST);
    }

    void onError(Throwable cause) {
        LOG.atDebug().addKeyValue("event", "gateway.socket.error").addKeyValue("connection_id", caller.connection())
                .addKeyValue("error", cause.toString()).log("gateway socket error");
        // a socket failure is a lost connection: resumable (SPEC 9.6)
        close(cause instanceof IOException ? CloseReason.CONNECTION_LOST : CloseReason.INTERNAL_ERROR);
    }

    /** Closes once (the first reason wins): stops timers and the worker, then the core closes the socket. */
    void close(CloseReason reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timers.forEach(t -> t.cancel(false));
        worker.stop();
        connections.disconnect(caller.connection(), reason);
    }

    // On the command worker: one command within the request budget; a failure becomes an error event.
    private void run(ClientCommand command) {
        commands.run(caller, command);
    }

    private void heartbeat() {
        long now = System.nanoTime();
        if (now - lastPongNanos >= settings.pongTimeout().toNanos()) {
            close(CloseReason.HEARTBEAT_TIMEOUT);
        } else if (now - lastPingNanos >= settings.pingInterval().toNanos()) {
            lastPingNanos = now;
            transport.ping();
        }
    }

    // The lookup may wait on the database, so it runs on its own virtual thread, never on the shared timer.
    private void recheck() {
        if (closed.get() || !rechecking.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("gateway-recheck-" + caller.connection()).start(() -> {
            try {
                authenticator.recheck(admission);
            } catch (UnauthenticatedException e) {
                close(CloseReason.SESSION_REVOKED);
            } catch (RuntimeException e) {
                // a database hiccup keeps the socket; the next re-check tries again
                LOG.atWarn().addKeyValue("event", "gateway.recheck.failed")
                        .addKeyValue("connection_id", caller.connection()).addKeyValue("error", e.toString())
                        .log("session re-check failed");
            } finally {
                rechecking.set(false);
            }
        });
    }

    private void every(Duration period, Runnable task) {
        long ms = period.toMillis();
        schedule(timer.scheduleAtFixedRate(() -> safely(task), ms, ms, TimeUnit.MILLISECONDS));
    }

    private void schedule(ScheduledFuture<?> timer) {
        timers.add(timer);
        if (closed.get()) {
            timer.cancel(false);
        }
    }

    // a periodic task that throws would silently stop repeating
    private void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("event", "gateway.timer.failed").addKeyValue("connection_id", caller.connection())
                    .setCause(e).log("gateway timer failed");
        }
    }
}
