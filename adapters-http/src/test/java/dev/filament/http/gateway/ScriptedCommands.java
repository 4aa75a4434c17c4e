package dev.filament.http.gateway;

import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.in.GatewayCommandHandler;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A command handler whose behaviour each test scripts; records every call, its thread and the peak concurrency. */
final class ScriptedCommands implements GatewayCommandHandler {
    /** One recorded call. */
    record Call(String type, ConnectionId connection, GuildId guild, ChannelId channel, String content, String thread,
                List<String> attachmentIds) {
    }

    /** What a call does; may throw a domain exception or block. */
    @FunctionalInterface
    interface Behaviour {
        void run(Call call) throws Exception;
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Call> completed = new LinkedBlockingQueue<>();
    final AtomicInteger peakConcurrency = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    volatile Behaviour behaviour = call -> { };

    @Override
    public void subscribe(GatewayCaller caller, GuildId guild, ChannelId channel) {
        handle(new Call("subscribe", caller.connection(), guild, channel, null, Thread.currentThread().getName(),
                List.of()));
    }

    @Override
    public void createMessage(GatewayCaller caller, GuildId guild, ChannelId channel, String content,
                              List<String> attachmentIds) {
        handle(new Call("message_create", caller.connection(), guild, channel, content,
                Thread.currentThread().getName(), attachmentIds));
    }

    private void handle(Call call) {
        calls.add(call);
        peakConcurrency.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            behaviour.run(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
            completed.add(call);
        }
    }

    Call awaitCompleted() throws InterruptedException {
        Call call = completed.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no command completed; calls=" + calls);
        }
        return call;
    }
}
