package dev.filament.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module graph is the rule: checked on the production classes, and shown to fail on violating fixtures. */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // test-jars of other modules
            .importPackages("dev.filament");
    private static final String FIXTURE_ROOT = "dev.filament.bootstrap.archfixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE_ROOT);

    @Test
    void productionCodeKeepsTheDependencyRule() {
        assertThat(PRODUCTION.containPackage("dev.filament.domain")).isTrue();
        for (String adapter : HexagonRules.ADAPTERS) {
            assertThat(PRODUCTION.containPackage("dev.filament." + adapter)).as(adapter).isTrue();
        }
        for (ArchRule rule : new HexagonRules("dev.filament").all()) {
            rule.check(PRODUCTION);
        }
    }

    @Test
    void domainRuleFailsOnAFrameworkDependency() {
        assertThatThrownBy(() -> new HexagonRules(FIXTURE_ROOT).domainUsesTheJdkOnly().check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BadDomain").hasMessageContaining("slf4j");
    }

    @Test
    void applicationRuleFailsOnAnAdapterOrFrameworkDependency() {
        assertThatThrownBy(() -> new HexagonRules(FIXTURE_ROOT).applicationUsesTheJdkAndDomainOnly().check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BadApplication");
    }

    @Test
    void sliceCycleRuleFailsOnTwoFeaturesThatDependOnEachOther() {
        assertThatThrownBy(() -> new HexagonRules(FIXTURE_ROOT).applicationSlicesAreFreeOfCycles().check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cyclea").hasMessageContaining("cycleb");
    }

    @Test
    void coreTechnologyRuleFailsOnAThreadPoolAThreadOrASecureRandom() {
        assertThatThrownBy(() -> new HexagonRules(FIXTURE_ROOT).coreOwnsNoThreadsOrSecureRandom().check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ThreadPoolApplication")
                .hasMessageContaining("Executors").hasMessageContaining("SecureRandom")
                .hasMessageContaining("ThreadDomain");
    }

    @Test
    void everyLibraryRuleFailsWhenTheLibraryIsUsedOutsideItsAdapters() {
        List<ArchRule> rules = new HexagonRules(FIXTURE_ROOT).librariesStayInTheirAdapters();
        assertThat(rules).hasSize(HexagonRules.LIBRARY_OWNERS.size());
        for (ArchRule rule : rules) {
            assertThatThrownBy(() -> rule.check(FIXTURES)).as(rule.getDescription())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("FixtureTechnology");
        }
    }

    @Test
    void everyAdapterRuleFailsWhenThatAdapterSeesAnother() {
        for (ArchRule rule : new HexagonRules(FIXTURE_ROOT).adaptersAreIsolated()) {
            assertThatThrownBy(() -> rule.check(FIXTURES)).as(rule.getDescription())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("archfixture");
        }
    }

    @Test
    void rulesFailOnEmptyPackagesInsteadOfPassingSilently() {
        JavaClasses nothing = new ClassFileImporter().importPackages("dev.filament.nonexistent");
        assertThatThrownBy(() -> new HexagonRules("dev.filament.nonexistent").domainUsesTheJdkOnly().check(nothing))
                .isInstanceOf(AssertionError.class);
    }
}
