package dev.filament.bootstrap.archfixture.domain;

/** Fixture: a domain class that uses a logging framework (violates the domain rule). */
public final class BadDomain {
    public String name() {
        return org.slf4j.LoggerFactory.getLogger(BadDomain.class).getName();
    }
}
