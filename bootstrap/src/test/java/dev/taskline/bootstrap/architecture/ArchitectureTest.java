package dev.taskline.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taskline's module boundaries, checked on the product classes of every module. Why each rule
 * exists is said in docs/architecture.md; {@link ArchitectureRulesCanFailTest} shows that each
 * one catches a violation.
 */
@AnalyzeClasses(packages = "dev.taskline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchitectureRules rules = new ArchitectureRules("dev.taskline");

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = rules.domainDependsOnlyOnTheJdk();

    @ArchTest
    static final ArchRule persistence_does_not_depend_on_http = rules.persistenceDoesNotDependOnHttp();

    @ArchTest
    static final ArchRule http_does_not_depend_on_persistence = rules.httpDoesNotDependOnPersistence();

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = rules.nothingDependsOnBootstrap();

    @ArchTest
    static final ArchRule only_persistence_uses_jooq_or_jdbc = rules.onlyPersistenceUsesJooqOrJdbc();

    @ArchTest
    static final ArchRule repository_methods_take_the_owner = rules.repositoryMethodsTakeTheOwner();

    /** A misspelt or emptied package would make the rules above vacuous: each must hold classes. */
    @ArchTest
    static void every_module_package_holds_classes(JavaClasses imported) {
        for (String module : new String[] {"domain.model", "domain.port.in", "domain.port.out", "domain.service",
                "persistence.jooq", "http.javalin", "db"}) {
            classes().that().resideInAPackage("dev.taskline." + module + "..")
                    .should().bePublic().orShould().notBePublic()
                    .as("package dev.taskline." + module + " holds classes")
                    .check(imported);
        }
    }

    /** The rules above see the product classes only, never the violating fixtures of the tests. */
    @ArchTest
    static void fixtures_are_not_part_of_the_product(JavaClasses imported) {
        assertThat(imported.containPackage("dev.taskline.archfixture")).isFalse();
    }
}
