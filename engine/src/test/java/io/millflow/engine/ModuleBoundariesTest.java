package io.millflow.engine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.millflow.connector.file.FileRoots;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.ConnectionType;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md §11, over the classes of every module on the engine's class path (the
 * step library, the connectors, their protocols and sandboxes, the sandbox kit, the engine): step
 * library ← connectors (← their sandboxes) ← engine, each connector on its own. The engine port's
 * own rules are {@code EngineBoundariesTest}.
 */
class ModuleBoundariesTest {

  private static final ImportOption NO_TEST_CODE =
      location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

  private static final JavaClasses MILLFLOW =
      new ClassFileImporter().withImportOption(NO_TEST_CODE).importPackages("io.millflow");

  @Test
  void theStepLibraryDependsOnNothingElseOfMillflow() {
    noClasses()
        .that()
        .resideInAPackage("io.millflow.step..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.millflow..").and(not(resideInAPackage("io.millflow.step.."))))
        .check(MILLFLOW);
  }

  @Test
  void noConnectorOrSandboxImportsTheEngine() {
    noClasses()
        .that()
        .resideInAnyPackage("io.millflow.connector..", "io.millflow.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.millflow.engine..")
        .check(MILLFLOW);
  }

  /**
   * A connector sees its own system's packages, the step library and, where it declares them, the
   * SQL base.
   */
  @Test
  void noConnectorImportsAnotherConnector() {
    slices()
        .matching("io.millflow.connector.(*)..")
        .namingSlices("connector $1")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            resideInAPackage("io.millflow.connector.."),
            resideInAPackage("io.millflow.connector.sql.."))
        .check(MILLFLOW);
  }

  /**
   * A sandbox is a twin of the system, not of the connector: it reads the system's protocol, never
   * the client.
   */
  @Test
  void aSandboxReadsOnlyItsSystemsProtocolAndTheKit() {
    noClasses()
        .that()
        .resideInAPackage("io.millflow.connector.*.sandbox..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.millflow.connector..")
                .and(
                    not(
                        resideInAnyPackage(
                            "io.millflow.connector.*.sandbox..",
                            "io.millflow.connector.*.protocol.."))))
        .check(MILLFLOW);
  }

  /**
   * What ships in a production build: no connector and no protocol reaches into a sandbox or the
   * kit.
   */
  @Test
  void nothingThatShipsDependsOnASandbox() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.millflow.connector.*.sandbox..", "io.millflow.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.millflow.connector.*.sandbox..", "io.millflow.sandbox..")
        .check(MILLFLOW);
  }

  /**
   * The engine reaches connectors through the step SPI (CDI finds their steps), their declared
   * connections (the records annotated {@code @ConnectionType}, a connector's published contract:
   * the state store's guard reads where a SQL connection points) and two declared entry points: the
   * file roots it decides for the file connector, and how a SQL connection's settings make a JDBC
   * URL.
   */
  @Test
  void theEngineUsesConnectorsOnlyThroughTheirDeclaredEntryPoints() {
    noClasses()
        .that()
        .resideInAPackage("io.millflow.engine..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.millflow.connector..")
                .and(not(belongToAnyOf(FileRoots.class, JdbcSettings.class)))
                .and(not(annotatedWith(ConnectionType.class))))
        .check(MILLFLOW);
  }
}
