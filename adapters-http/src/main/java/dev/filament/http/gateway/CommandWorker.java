package dev.filament.http.gateway;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The command worker of one connection (SPEC 9.4): a virtual thread that runs the connection's commands one at a
 * time in arrival order, apart from the socket reader, fed through a bounded queue. Stopping discards the queued
 * commands; a running one completes.
 */
final class CommandWorker {
    private static final Item STOP = new Item(null);

    private final BlockingQueue<Item> queue;
    private final Consumer<ClientCommand> runner;
    private final String name;
    private volatile boolean stopped;

    CommandWorker(String name, int capacity, Consumer<ClientCommand> runner) {
        this.name = name;
        // one slot more for the stop marker; linked, so an idle connection holds no array sized by the ingress window
        // (an array queue of a raised FILAMENT_GATEWAY_INGRESS_EVENTS_PER_WINDOW cost megabytes per socket)
        this.queue = new LinkedBlockingQueue<>(capacity + 1);
        this.runner = runner;
    }

    void start() {
        Thread.ofVirtual().name(name).start(this::loop);
    }

    /** Queues a command without waiting; false when the queue is full or the worker stopped. */
    boolean offer(ClientCommand command) {
        return !stopped && queue.remainingCapacity() > 1 && queue.offer(new Item(command));
    }

    /** Discards queued commands and ends the worker after the running command, if any. Never blocks. */
    void stop() {
        stopped = true;
        queue.clear();
        queue.offer(STOP);
    }

    private void loop() {
        try {
            while (!stopped) {
                Item next = queue.take();
                if (stopped || next == STOP) {
                    return;
                }
                runner.accept(next.command());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // queue entry; the stop marker is compared by identity
    private record Item(ClientCommand command) {
    }
}
