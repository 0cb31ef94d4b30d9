package dev.taskline.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of Taskline as ArchUnit rules, built for a root package so that the very
 * same rules run against the product ({@code dev.taskline}) and against small deliberately
 * violating fixtures, which proves each rule able to fail.
 *
 * <p>Every rule keeps ArchUnit's {@code failOnEmptyShould}: a rule whose subject package is
 * misspelt or empty fails instead of passing silently.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String module) {
        return root + "." + module + "..";
    }

    /** The domain is embedded by other applications: the JDK alone, and not even JDBC. */
    ArchRule domainDependsOnlyOnTheJdk() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("domain"))
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..", "java.net.http..")
                .as("the domain depends on the JDK alone (no JDBC, no framework)");
    }

    ArchRule persistenceDoesNotDependOnHttp() {
        return noClasses().that().resideInAPackage(pkg("persistence"))
                .should().dependOnClassesThat().resideInAPackage(pkg("http"))
                .as("the persistence adapter does not know the HTTP adapter");
    }

    ArchRule httpDoesNotDependOnPersistence() {
        return noClasses().that().resideInAPackage(pkg("http"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("persistence"), pkg("db"))
                .as("the HTTP adapter does not know the persistence adapter");
    }

    ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .as("nothing depends on the composition root");
    }

    /** jOOQ and JDBC stay in the persistence adapter (and the migration runner of db/). */
    ArchRule onlyPersistenceUsesJooqOrJdbc() {
        return noClasses().that().resideOutsideOfPackages(pkg("persistence"), pkg("db"))
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..")
                .as("only the persistence adapter uses jOOQ or JDBC");
    }

    /**
     * There is no way to ask a repository for user-owned data without saying whose: every method
     * of a {@code *Repository} port takes the owner's {@code UserId}, unless it is explicitly
     * marked {@code @Unscoped} with a reason (registration, login look-up).
     */
    ArchRule repositoryMethodsTakeTheOwner() {
        String userId = root + ".domain.model.user.UserId";
        String unscoped = root + ".domain.port.out.Unscoped";
        DescribedPredicate<JavaMethod> declaredInARepositoryPort = DescribedPredicate.describe(
                "declared in a *Repository port", method -> {
                    JavaClass owner = method.getOwner();
                    return owner.isInterface()
                            && owner.getPackageName().startsWith(root + ".domain.port.out")
                            && owner.getSimpleName().endsWith("Repository");
                });
        ArchCondition<JavaMethod> takeTheOwner = new ArchCondition<>("take the owner's UserId") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean takesOwner = method.getRawParameterTypes().stream()
                        .anyMatch(type -> type.getName().equals(userId));
                boolean exempt = method.isAnnotatedWith(unscoped);
                if (!takesOwner && !exempt) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " has no UserId parameter and is not @Unscoped"));
                }
            }
        };
        return methods().that(declaredInARepositoryPort)
                .should(takeTheOwner)
                .as("every repository method takes the owner's UserId");
    }
}
