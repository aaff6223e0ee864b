// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The library stays pure Java: usable by any UI and any transport, so it never reaches for JavaFX or Netty. */
@Timeout(60)
class ArchitectureTest {
    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rfbridge.rfb");
    }

    @Test
    void noJavaFx() {
        noClasses().that().resideInAPackage("org.rfbridge.rfb..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(library);
    }

    @Test
    void noNetty() {
        noClasses().that().resideInAPackage("org.rfbridge.rfb..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(library);
    }

    @Test
    void protocolCoreDoesNoIo() {
        // The state machine and its parts only see byte queues; sockets and WebSockets live in transport.
        noClasses().that().resideInAnyPackage("org.rfbridge.rfb.protocol..", "org.rfbridge.rfb.encoding..",
                        "org.rfbridge.rfb.security..", "org.rfbridge.rfb.pixel..", "org.rfbridge.rfb.io..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "org.rfbridge.rfb.transport..",
                        "org.rfbridge.rfb.client..")
                .check(library);
    }
}
