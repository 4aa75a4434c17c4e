package dev.filament.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/** The dependency rule of ARCHITECTURE.md as ArchUnit rules over a root package (production or a fixture). */
final class HexagonRules {
    /** One package per adapter module: the three rings' adapters and the adapters named for their technology. */
    static final List<String> ADAPTERS = List.of("http", "postgres", "realtime", "crypto", "markdown", "livekit",
            "micrometer", "filesystem", "tika", "hcaptcha", "s3", "redis");

    /**
     * Libraries that belong to technology adapters: only these adapters (and bootstrap, which wires them) use them.
     * adapters-http keeps Micrometer for its own edge metrics (request histogram, edge counters, the scrape route).
     */
    static final Map<String, List<String>> LIBRARY_OWNERS = Map.of(
            "com.password4j..", List.of("crypto"),
            "com.auth0.jwt..", List.of("crypto", "livekit"),
            "org.commonmark..", List.of("markdown"),
            "org.apache.tika..", List.of("tika"),
            "io.micrometer..", List.of("micrometer", "http"),
            "software.amazon.awssdk..", List.of("s3"),
            "org.apache.hc..", List.of("s3"),
            "io.lettuce..", List.of("redis"));

    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    ArchRule domainUsesTheJdkOnly() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("domain depends on the JDK only");
    }

    ArchRule applicationUsesTheJdkAndDomainOnly() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("application depends on the JDK and domain only");
    }

    /** Thread pools and secure randomness are technology: they live in adapters (crypto, realtime, ...). */
    ArchRule coreOwnsNoThreadsOrSecureRandom() {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().areAssignableTo(Executor.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ForkJoinPool.class,
                        ThreadFactory.class, Thread.Builder.class, Timer.class)
                .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .as("domain and application own no thread pool, thread or SecureRandom");
    }

    /** One rule per adapter: it sees neither the other adapters nor bootstrap. */
    List<ArchRule> adaptersAreIsolated() {
        return ADAPTERS.stream().map(this::adapterIsolated).toList();
    }

    private ArchRule adapterIsolated(String adapter) {
        String[] forbidden = Stream.concat(ADAPTERS.stream().filter(a -> !a.equals(adapter)), Stream.of("bootstrap"))
                .map(a -> root + "." + a + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "." + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .as("adapter " + adapter + " sees only application and domain");
    }

    /** One rule per technology library: used only by the adapters that own it (and bootstrap). */
    List<ArchRule> librariesStayInTheirAdapters() {
        return LIBRARY_OWNERS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> libraryOwnedBy(e.getKey(), e.getValue())).toList();
    }

    private ArchRule libraryOwnedBy(String library, List<String> owners) {
        String[] allowed = Stream.concat(owners.stream(), Stream.of("bootstrap"))
                .map(a -> root + "." + a + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage(library)
                .as(library + " is used only by " + String.join(", ", owners) + " (and bootstrap)");
    }

    /**
     * The application's feature slices ({@code application.<feature>..}, the shared kernel and the wire shapes among
     * them) depend on each other without cycles: a feature reaches another through its use-case interfaces only.
     */
    ArchRule applicationSlicesAreFreeOfCycles() {
        return slices().matching(root + ".application.(*)..").should().beFreeOfCycles()
                .as("application feature slices are free of cycles");
    }

    List<ArchRule> all() {
        return Stream.of(Stream.of(domainUsesTheJdkOnly(), applicationUsesTheJdkAndDomainOnly(),
                        coreOwnsNoThreadsOrSecureRandom(), applicationSlicesAreFreeOfCycles()),
                adaptersAreIsolated().stream(),
                librariesStayInTheirAdapters().stream())
                .flatMap(s -> s).toList();
    }
}
