package io.millflow.engine.port;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine port's boundaries: each engine's API is imported by its adapter alone, and the
 * engine-neutral code (the port, the attempt runner, everything above) by neither. The Camunda 8
 * dialect's XML model ({@code io.camunda.zeebe.model}, Apache 2.0) is how flows are authored, so
 * the flow package may read it too.
 */
class EngineBoundariesTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.millflow.engine");

  @Test
  void onlyTheOperatonAdapterImportsOperaton() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.millflow.engine.operaton..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.operaton..")
        .check(ENGINE);
  }

  @Test
  void onlyTheZeebeAdapterTalksToZeebe() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.millflow.engine.zeebe..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.camunda.client..",
            "io.camunda.zeebe.client..",
            "io.camunda.zeebe.process..",
            "io.camunda.zeebe.protocol..",
            "io.camunda.zeebe.gateway..",
            "io.grpc..")
        .check(ENGINE);
  }

  @Test
  void onlyTheAdaptersAndTheFlowPackageReadTheCamunda8Model() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.millflow.engine.zeebe..",
            "io.millflow.engine.operaton..",
            "io.millflow.engine.flow..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.camunda..")
        .check(ENGINE);
  }

  @Test
  void nothingButTheEngineChoiceDependsOnAnAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.millflow.engine.zeebe..", "io.millflow.engine.operaton..")
        .and()
        .doNotHaveFullyQualifiedName("io.millflow.engine.Engines")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.millflow.engine.zeebe..", "io.millflow.engine.operaton..")
        .check(ENGINE);
  }

  @Test
  void thePortDependsOnNoOtherPartOfMillflow() {
    noClasses()
        .that()
        .resideInAPackage("io.millflow.engine.port..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.millflow.engine.port..", "java..")
        .check(ENGINE);
  }

  /**
   * Each package of the engine can be read, and changed, from the bottom up: none needs another
   * that needs it back.
   */
  @Test
  void noCyclesBetweenTheEnginesPackages() {
    slices()
        .matching("io.millflow.engine.(*)..")
        .namingSlices("engine.$1")
        .should()
        .beFreeOfCycles()
        .check(ENGINE);
  }
}
