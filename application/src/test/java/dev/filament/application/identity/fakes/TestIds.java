package dev.filament.application.identity.fakes;

import dev.filament.domain.id.IdGenerator;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test {@link IdGenerator}: valid ULIDs, strictly increasing per instance and unique across instances and runs
 * (time prefix + random instance part + counter), so tests against a shared database never collide.
 */
public final class TestIds implements IdGenerator {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public TestIds() {
        this.prefix = encode(System.currentTimeMillis(), 10) + encode(RANDOM.nextLong() >>> 4, 12);
    }

    @Override
    public String next() {
        return prefix + encode(counter.incrementAndGet(), 4);
    }

    /** A username no other test run has used: {@code t_} plus 20 random base-32 chars. */
    public static String uniqueUsername() {
        return "t_" + encode(RANDOM.nextLong() >>> 4, 12) + encode(RANDOM.nextLong() >>> 24, 8);
    }

    private static String encode(long value, int chars) {
        char[] out = new char[chars];
        for (int i = chars - 1; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (value & 31)];
            value >>>= 5;
        }
        return new String(out);
    }
}
