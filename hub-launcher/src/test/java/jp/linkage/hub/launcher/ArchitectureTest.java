package jp.linkage.hub.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries DESIGN.md draws, checked on the compiled classes of every module. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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

  @Test
  void noMainCodeDeclaresThrowsExceptionOrThrowable() {
    codeUnits().that().areDeclaredInClassesThat().resideInAPackage("jp.linkage.hub..")
        .and(not(describe("synthetic (bridges repeat what the interface declares)",
            u -> u.getModifiers().contains(JavaModifier.SYNTHETIC))))
        .and(not(describe("public static main", u -> u.getName().equals("main")
            && u.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC)))))
        .should(new ArchCondition<JavaCodeUnit>("declare neither Exception nor Throwable in its throws clause") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            // a type variable (throws E, E extends Exception) erases to Exception in the class file:
            // only an Exception or Throwable written in the source counts
            boolean bare = unit.getThrowsClause().getTypes().stream()
                .anyMatch(t -> t.isEquivalentTo(Exception.class) || t.isEquivalentTo(Throwable.class))
                && Arrays.stream(genericExceptionTypes(unit))
                    .anyMatch(t -> t == Exception.class || t == Throwable.class);
            if (bare) {
              events.add(SimpleConditionEvent.violated(unit, unit.getDescription() + " declares "
                  + unit.getThrowsClause().getTypes().stream().map(JavaClass::getName).toList()));
            }
          }

          private Type[] genericExceptionTypes(JavaCodeUnit unit) {
            if (unit instanceof JavaMethod method) {
              return method.reflect().getGenericExceptionTypes();
            }
            if (unit instanceof JavaConstructor constructor) {
              return constructor.reflect().getGenericExceptionTypes();
            }
            return new Type[0];
          }
        })
        .check(classes);
  }
}
