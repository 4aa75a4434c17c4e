package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.RandomSource;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/** Pinned {@link RandomSource}: each call returns distinct, predictable bytes (a counter in the last 8 bytes). */
public final class SequenceRandomSource implements RandomSource {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        byte[] n = ByteBuffer.allocate(Long.BYTES).putLong(counter.incrementAndGet()).array();
        System.arraycopy(n, Math.max(0, n.length - count), bytes, Math.max(0, count - n.length),
                Math.min(count, n.length));
        return bytes;
    }

    public long calls() {
        return counter.get();
    }
}
