package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewaySocket;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fake transport of a client that never reads: the first send blocks until the socket is aborted (as a real socket
 * write fails once the socket is closed under it). Records the close frame, if one is ever sent.
 */
final class BlockingTransport implements GatewaySocket {
    private final CountDownLatch sendBlocked = new CountDownLatch(1);
    private final CountDownLatch abortedLatch = new CountDownLatch(1);
    private volatile String closed;

    @Override
    public void sendText(String text) throws IOException {
        sendBlocked.countDown();
        try {
            abortedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while blocked", e);
        }
        throw new IOException("socket aborted");
    }

    @Override
    public void close(int code, String reason) {
        closed = code + " " + reason;
    }

    @Override
    public void abort() {
        abortedLatch.countDown();
    }

    boolean awaitSendBlocked(Duration timeout) throws InterruptedException {
        return sendBlocked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitAborted(Duration timeout) throws InterruptedException {
        return abortedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean aborted() {
        return abortedLatch.getCount() == 0;
    }

    String closeFrame() {
        return closed;
    }
}
