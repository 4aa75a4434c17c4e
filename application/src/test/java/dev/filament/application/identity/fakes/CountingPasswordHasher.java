package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.PasswordHasher;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake {@link PasswordHasher}: an unsalted SHA-256 stand-in that counts every hash and verify call. */
public final class CountingPasswordHasher implements PasswordHasher {
    private static final PasswordHash DUMMY = new PasswordHash("fake$dummy");
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();
    private volatile Runnable probe = () -> { };

    /** Runs {@code probe} at the start of every hash and verify (e.g. to check that no transaction is open). */
    public void onEveryCall(Runnable probe) {
        this.probe = probe;
    }

    @Override
    public PasswordHash hash(Password password) {
        probe.run();
        hashes.incrementAndGet();
        return digest(password);
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        probe.run();
        verifications.incrementAndGet();
        return digest(password).equals(hash);
    }

    @Override
    public PasswordHash dummyHash() {
        return DUMMY;
    }

    /** What {@link #hash} stores for {@code password}, without counting. */
    public static PasswordHash digest(Password password) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(password.value().getBytes(StandardCharsets.UTF_8));
            return new PasswordHash("fake$" + HexFormat.of().formatHex(d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int hashes() {
        return hashes.get();
    }

    public int verifications() {
        return verifications.get();
    }
}
