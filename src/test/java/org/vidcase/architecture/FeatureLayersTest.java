package org.vidcase.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Features form layers without cycles: a feature may use one below it, never the reverse. The
 * algorithms two features need (hashing, the in-memory hash index, similarity clustering and the
 * synthetic picture sets it is measured on) are plain Java with no domain imports, so that series,
 * exchange or a command-line tool can use them without a server.
 */
class FeatureLayersTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vidcase");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.vidcase.(*)..").should().beFreeOfCycles().allowEmptyShould(false).check(PRODUCTION);
    }

    @Test
    void theIndexAndHashingArePlainJava() {
        noClasses().that().resideInAnyPackage("org.vidcase.index..", "org.vidcase.hashing..",
                        "org.vidcase.clustering..", "org.vidcase.synthetic..", "org.vidcase.exchange.format..", "org.vidcase.csv..",
                        "org.vidcase.hub.trust..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vidcase.cases..", "org.vidcase.seizure..",
                        "org.vidcase.media..", "org.vidcase.matching..", "org.vidcase.hashset..", "org.vidcase.audit..",
                        "org.vidcase.jobs..", "org.vidcase.shared..", "org.vidcase.demo..", "org.vidcase.search..",
                        "org.vidcase.series..", "org.vidcase.lead..", "org.vidcase.exchange.api..",
                        "org.vidcase.exchange.domain..", "org.vidcase.exchange.service..", "org.vidcase.exchange.infra..",
                        "org.vidcase.hub.api..", "org.vidcase.hub.domain..", "org.vidcase.hub.service..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..")
                .allowEmptyShould(false).check(PRODUCTION);
    }
}
