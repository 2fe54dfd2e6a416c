package org.vidcase.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource method states who may call it: {@code @RolesAllowed}, or {@code @PermitAll} for a
 * deliberately public one. Rules must match something, or they prove nothing.
 */
class EndpointSecurityRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vidcase");

    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    private static final DescribedPredicate<JavaMethod> RESOURCE_METHOD =
            DescribedPredicate.describe("are JAX-RS resource methods",
                    m -> HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith));

    private static final ArchCondition<JavaMethod> DECLARE_WHO_MAY_CALL =
            new ArchCondition<>("be annotated @RolesAllowed or @PermitAll (on the method or its class)") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean declared = method.isAnnotatedWith(RolesAllowed.class) || method.isAnnotatedWith(PermitAll.class)
                            || method.getOwner().isAnnotatedWith(RolesAllowed.class);
                    if (!declared) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " declares no roles"));
                    }
                }
            };

    @Test
    void everyResourceMethodDeclaresItsRoles() {
        methods().that(RESOURCE_METHOD).should(DECLARE_WHO_MAY_CALL).allowEmptyShould(false).check(PRODUCTION);
    }

    @Test
    void noResourceMethodIsPublic() {
        methods().that(RESOURCE_METHOD).should().notBeAnnotatedWith(PermitAll.class).allowEmptyShould(false)
                .check(PRODUCTION);
    }

    @Test
    void hashingIsPlainJava() {
        noClasses().that().resideInAPackage("org.vidcase.hashing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.enterprise..",
                        "jakarta.ws.rs..", "jakarta.persistence..", "io.smallrye..")
                .allowEmptyShould(false).check(PRODUCTION);
    }
}
