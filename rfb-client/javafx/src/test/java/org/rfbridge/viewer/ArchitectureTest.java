// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The layering the viewer relies on, checked on the compiled classes. */
@Timeout(60)
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rfbridge.rfb", "org.rfbridge.viewer");
    }

    @Test
    void theRfbCoreUsesNoJavaFxAndNoNetty() {
        noClasses().that().resideInAPackage("org.rfbridge.rfb..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.netty..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotKnowTheViewer() {
        noClasses().that().resideInAPackage("org.rfbridge.rfb..")
                .should().dependOnClassesThat().resideInAPackage("org.rfbridge.viewer..")
                .check(classes);
    }

    @Test
    void viewModelsUseNoWidgetsOrWindows() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.stage..",
                        "javafx.scene.image..", "javafx.scene.layout..", "javafx.application..")
                .check(classes);
    }

    @Test
    void keyboardMappingKnowsNoSession() {
        noClasses().that().resideInAPackage("org.rfbridge.viewer.input..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rfbridge.viewer.session..",
                        "org.rfbridge.viewer.connect..", "org.rfbridge.rfb.client..")
                .check(classes);
    }

    @Test
    void theConnectionFormKnowsNoSession() {
        noClasses().that().resideInAPackage("org.rfbridge.viewer.connect..")
                .should().dependOnClassesThat().resideInAPackage("org.rfbridge.viewer.session..")
                .check(classes);
    }
}
