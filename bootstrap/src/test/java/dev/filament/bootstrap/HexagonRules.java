package dev.filament.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/** The dependency rule of ARCHITECTURE.md as ArchUnit rules over a root package (production or a fixture). */
final class HexagonRules {
    static final List<String> ADAPTERS = List.of("http", "postgres", "realtime");

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

    List<ArchRule> all() {
        return Stream.concat(Stream.of(domainUsesTheJdkOnly(), applicationUsesTheJdkAndDomainOnly()),
                adaptersAreIsolated().stream()).toList();
    }
}
