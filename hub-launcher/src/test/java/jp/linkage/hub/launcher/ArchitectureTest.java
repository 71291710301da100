package jp.linkage.hub.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries DESIGN.md draws, checked on the compiled classes of every module. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/jp/linkage/hub/testing/")) // test-support: tests' code
        .importPackages("jp.linkage.hub");
  }

  @Test
  void theCoreNeverTouchesAgencySideCode() {
    noClasses().that().resideInAPackage("jp.linkage.hub.core..")
        .should().dependOnClassesThat().resideInAnyPackage("jp.linkage.hub.server..", "jp.linkage.hub.registry..")
        .check(classes);
  }

  @Test
  void onlyTheRegistryAndTheAgencySideKnowMyNumbers() {
    noClasses().that().resideOutsideOfPackages("jp.linkage.hub.registry..", "jp.linkage.hub.server..",
            "jp.linkage.hub.launcher..")
        .should().dependOnClassesThat().haveFullyQualifiedName("jp.linkage.hub.registry.MyNumber")
        .check(classes);
  }

  @Test
  void theInterfaceSystemDependsOnNoComponent() {
    noClasses().that().resideInAPackage("jp.linkage.hub.iface..")
        .should().dependOnClassesThat().resideInAnyPackage("jp.linkage.hub.core..", "jp.linkage.hub.server..",
            "jp.linkage.hub.registry..", "jp.linkage.hub.launcher..")
        .check(classes);
  }

  @Test
  void noBareGenericExceptionsAndNoJavaUtilLogging() {
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
    NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
  }
}
