package dev.taskline.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each architecture rule, applied to fixtures under {@code dev.taskline.archfixture} that break it
 * on purpose, must fail and name the culprit. A rule that cannot fail protects nothing.
 */
class ArchitectureRulesCanFailTest {
    private static final String FIXTURES = "dev.taskline.archfixture";
    private static final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
    private static final ArchitectureRules rules = new ArchitectureRules(FIXTURES);

    @Test
    void domainUsingJdbc_breaks_domainDependsOnlyOnTheJdk() {
        assertViolation(rules.domainDependsOnlyOnTheJdk(), "JdbcInTheDomain");
    }

    @Test
    void domainUsingALibrary_breaks_domainDependsOnlyOnTheJdk() {
        assertViolation(rules.domainDependsOnlyOnTheJdk(), "LibraryInTheDomain");
    }

    @Test
    void persistenceCallingHttp_breaks_persistenceDoesNotDependOnHttp() {
        assertViolation(rules.persistenceDoesNotDependOnHttp(), "RepositoryThatCallsHttp");
    }

    @Test
    void httpCallingPersistence_breaks_httpDoesNotDependOnPersistence() {
        assertViolation(rules.httpDoesNotDependOnPersistence(), "HandlerThatCallsARepositoryImplementation");
    }

    @Test
    void adapterUsingBootstrap_breaks_nothingDependsOnBootstrap() {
        assertViolation(rules.nothingDependsOnBootstrap(), "HandlerThatReadsTheConfig");
    }

    @Test
    void httpUsingJdbc_breaks_onlyPersistenceUsesJooqOrJdbc() {
        assertViolation(rules.onlyPersistenceUsesJooqOrJdbc(), "HandlerWithSql");
    }

    @Test
    void repositoryMethodWithoutOwner_breaks_repositoryMethodsTakeTheOwner() {
        assertViolation(rules.repositoryMethodsTakeTheOwner(), "LeakyTaskRepository.findAnyones");
    }

    private static void assertViolation(ArchRule rule, String culprit) {
        assertThatThrownBy(() -> rule.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(culprit);
    }
}
