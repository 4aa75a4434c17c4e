package dev.filament.bootstrap.archfixture.application;

import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Fixture: an application class that owns a thread pool and a SecureRandom (violates the core technology rule). */
public final class ThreadPoolApplication {
    private final ExecutorService pool = Executors.newFixedThreadPool(1);
    private final SecureRandom random = new SecureRandom();

    public byte[] bytes() {
        byte[] out = new byte[8];
        random.nextBytes(out);
        pool.shutdown();
        return out;
    }
}
