package vn.lgsp.hub.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** hub-core is the model every module speaks: no Spring, no Camel (see the module's pom description). */
class HubCoreArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.lgsp.hub.core");

    @Test
    void theMainClassesAreActuallyImported() {
        assertThat(MAIN_CLASSES.contain("vn.lgsp.hub.core.ids.PersonalId")).isTrue();
        assertThat(MAIN_CLASSES.contain("vn.lgsp.hub.core.model.DossierEventValidator")).isTrue();
        assertThat(MAIN_CLASSES.contain(HubCoreArchitectureTest.class)).isFalse();
    }

    @Test
    void hubCoreDependsOnNeitherSpringNorCamel() {
        ArchRule rule = noClasses().that().resideInAPackage("vn.lgsp.hub.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .because("hub-core holds value types and the canonical model, usable without a framework");

        rule.check(MAIN_CLASSES);
    }
}
