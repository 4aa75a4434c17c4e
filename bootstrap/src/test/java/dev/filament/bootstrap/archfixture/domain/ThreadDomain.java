package dev.filament.bootstrap.archfixture.domain;

/** Fixture: a domain class that starts its own thread (violates the core technology rule). */
public final class ThreadDomain {
    public Thread start(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }
}
