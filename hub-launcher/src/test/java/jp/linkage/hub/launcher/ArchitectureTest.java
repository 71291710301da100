package jp.linkage.hub.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
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

/**
 * The module boundaries of docs/architecture.md, checked on the compiled main classes of every
 * module (each package prefix below is one module; docs/development.md lists them).
 */
class ArchitectureTest {
  private static final String CALENDAR = "jp.linkage.hub.calendar..";
  private static final String LAYOUTS = "jp.linkage.hub.layout..";
  private static final String CHAINS = "jp.linkage.hub.chain..";
  private static final String INFRA = "jp.linkage.hub.infra..";
  private static final String INTERFACE = "jp.linkage.hub.iface..";
  private static final String REGISTRY = "jp.linkage.hub.registry..";
  private static final String CORE = "jp.linkage.hub.core..";
  private static final String SERVER = "jp.linkage.hub.server..";
  private static final String AUDIT = "jp.linkage.hub.audit..";
  private static final String LAUNCHER = "jp.linkage.hub.launcher..";
  private static final String BENCHMARKS = "jp.linkage.hub.bench..";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(
                location -> !location.contains("/jp/linkage/hub/testing/")) // test-support
            .importPackages("jp.linkage.hub");
  }

  /**
   * Each module depends only on the modules below it: a lower module never reaches up, so the core
   * cannot see an agency's side, and nothing but the launcher (and the benchmarks, which reuse its
   * wiring) starts embedded infrastructure.
   */
  @Test
  void modulesDependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("calendar")
        .definedBy(CALENDAR)
        .layer("layouts")
        .definedBy(LAYOUTS)
        .layer("chains")
        .definedBy(CHAINS)
        .layer("infra")
        .definedBy(INFRA)
        .layer("interface")
        .definedBy(INTERFACE)
        .layer("registry")
        .definedBy(REGISTRY)
        .layer("core")
        .definedBy(CORE)
        .layer("server")
        .definedBy(SERVER)
        .layer("audit")
        .definedBy(AUDIT)
        .layer("launcher")
        .definedBy(LAUNCHER)
        .optionalLayer("benchmarks")
        .definedBy(BENCHMARKS) // not on this module's classpath
        .whereLayer("calendar")
        .mayOnlyBeAccessedByLayers("server", "audit", "launcher", "benchmarks")
        .whereLayer("layouts")
        .mayOnlyBeAccessedByLayers("interface", "core", "server", "audit", "launcher", "benchmarks")
        .whereLayer("chains")
        .mayOnlyBeAccessedByLayers("core", "server", "audit", "launcher", "benchmarks")
        .whereLayer("infra")
        .mayOnlyBeAccessedByLayers("launcher", "benchmarks")
        .whereLayer("interface")
        .mayOnlyBeAccessedByLayers("registry", "core", "server", "audit", "launcher", "benchmarks")
        .whereLayer("registry")
        .mayOnlyBeAccessedByLayers("server", "launcher", "benchmarks")
        .whereLayer("core")
        .mayOnlyBeAccessedByLayers("audit", "launcher", "benchmarks")
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("audit", "launcher", "benchmarks")
        .whereLayer("audit")
        .mayOnlyBeAccessedByLayers("launcher", "benchmarks")
        .whereLayer("launcher")
        .mayOnlyBeAccessedByLayers("benchmarks")
        .whereLayer("benchmarks")
        .mayNotBeAccessedByAnyLayer()
        .check(classes);
  }

  @Test
  void noPackageCyclesInsideAModule() {
    for (String module : new String[] {"core", "server", "iface", "audit", "layout"}) {
      slices()
          .matching("jp.linkage.hub." + module + ".(*)..")
          .should()
          .beFreeOfCycles()
          .check(classes);
    }
  }

  /**
   * The core's and the intermediate server's root packages hold the facade and the wiring, which
   * use every other package of the module; no package of the module reaches back up to them.
   */
  @Test
  void noPackageReachesUpToItsModulesFacade() {
    for (String module : new String[] {"core", "server"}) {
      noClasses()
          .that()
          .resideInAPackage("jp.linkage.hub." + module + ".*..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jp.linkage.hub." + module)
          .check(classes);
    }
  }

  /**
   * The core's working parts are its own: other modules use its facade, messages and read models.
   */
  @Test
  void noModuleReachesIntoTheCoresInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jp.linkage.hub.core.linkage..",
            "jp.linkage.hub.core.inbound..",
            "jp.linkage.hub.core.outbound..",
            "jp.linkage.hub.core.reference..",
            "jp.linkage.hub.core.alert..",
            "jp.linkage.hub.core.symbolissue..")
        .check(classes);
  }

  /**
   * Outside the intermediate server, only its facade ({@code IntermediateServer}, {@code
   * ServerSetup}, {@code Tenant}), its {@code api}, the batch-file import, the replica policies,
   * the bulk settings and its schema (for the auditors' chain check) are used; the packages that do
   * the work stay inside.
   */
  @Test
  void noModuleReachesIntoTheIntermediateServersInternals() {
    DescribedPredicate<JavaClass> serverInternals =
        resideInAnyPackage(
                "jp.linkage.hub.server.query..",
                "jp.linkage.hub.server.replica..",
                "jp.linkage.hub.server.records..",
                "jp.linkage.hub.server.outbox..",
                "jp.linkage.hub.server.alerts..",
                "jp.linkage.hub.server.backoffice..",
                "jp.linkage.hub.server.support..",
                "jp.linkage.hub.server.bulk..")
            .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("ServerSchema")))
            .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("BulkSettings")))
            .as("are internals of the intermediate server");
    noClasses()
        .that()
        .resideOutsideOfPackage(SERVER)
        .should()
        .dependOnClassesThat(serverInternals)
        .check(classes);
  }

  @Test
  void theInterfaceSystemDependsOnNoComponent() {
    noClasses()
        .that()
        .resideInAPackage(INTERFACE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORE, SERVER, REGISTRY, AUDIT, LAUNCHER)
        .check(classes);
  }

  /**
   * Only the resident registry reads a My Number or a resident record code. The intermediate server
   * hands the back-office's My Number to the registry link unread, and the demo and the benchmarks
   * take it from a synthetic person to do so; no other module may even name these types.
   */
  @Test
  void onlyTheRegistryReadsMyNumbersAndResidentRecordCodes() {
    noClasses()
        .that()
        .resideOutsideOfPackages(REGISTRY, SERVER, LAUNCHER, BENCHMARKS)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jp.linkage.hub.registry.MyNumber")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jp.linkage.hub.registry.ResidentRecordCode")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jp.linkage.hub.registry.Person")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(REGISTRY)
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a method of MyNumber or ResidentRecordCode, or Person.residentRecordCode()",
                call -> {
                  String owner = call.getTargetOwner().getName();
                  return owner.equals("jp.linkage.hub.registry.MyNumber")
                      || owner.equals("jp.linkage.hub.registry.ResidentRecordCode")
                      || (owner.equals("jp.linkage.hub.registry.Person")
                          && call.getName().equals("residentRecordCode"));
                }))
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jp.linkage.hub.registry.ResidentRecordCode")
        .check(classes);
  }

  @Test
  void noBareGenericExceptionsAndNoJavaUtilLogging() {
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
    NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
  }

  /**
   * The message vocabularies (the core's commands and events, the hub's and the back-office link's
   * messages, what callers of the intermediate server send and get back, and the layouts' item
   * reference) are plain records: they use nothing of ours but one another, besides the JDK,
   * Jackson's JsonNode and annotations and Axon's annotations. Docs:
   * docs/adr/0007-message-vocabulary.md.
   */
  @Test
  void theMessageVocabularyDependsOnNothingButVocabulary() {
    String[] vocabulary = {
      "jp.linkage.hub.core.api..",
      "jp.linkage.hub.iface.message..",
      "jp.linkage.hub.iface.backoffice.message..",
      "jp.linkage.hub.server.api..",
      "jp.linkage.hub.layout.api.."
    };
    DescribedPredicate<JavaClass> allowed =
        resideInAnyPackage(vocabulary)
            .or(resideInAnyPackage("java..", "com.fasterxml.jackson.annotation.."))
            .or(HasName.Predicates.name("com.fasterxml.jackson.databind.JsonNode"))
            .or(
                DescribedPredicate.<JavaClass>describe(
                    "an Axon annotation",
                    c -> c.isAnnotation() && c.getPackageName().startsWith("org.axonframework.")));
    classes()
        .that()
        .resideInAnyPackage(vocabulary)
        .should()
        .onlyDependOnClassesThat(allowed.as("are vocabulary, the JDK, JsonNode or annotations"))
        .check(classes);
  }

  @Test
  void noMainCodeDeclaresThrowsExceptionOrThrowable() {
    codeUnits()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("jp.linkage.hub..")
        .and(
            not(
                describe(
                    "synthetic (bridges repeat what the interface declares)",
                    u -> u.getModifiers().contains(JavaModifier.SYNTHETIC))))
        .and(
            not(
                describe(
                    "public static main",
                    u ->
                        u.getName().equals("main")
                            && u.getModifiers()
                                .containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC)))))
        .should(
            new ArchCondition<JavaCodeUnit>(
                "declare neither Exception nor Throwable in its throws clause") {
              @Override
              public void check(JavaCodeUnit unit, ConditionEvents events) {
                // a type variable (throws E, E extends Exception) erases to Exception in the class
                // file:
                // only an Exception or Throwable written in the source counts
                boolean bare =
                    unit.getThrowsClause().getTypes().stream()
                            .anyMatch(
                                t ->
                                    t.isEquivalentTo(Exception.class)
                                        || t.isEquivalentTo(Throwable.class))
                        && Arrays.stream(genericExceptionTypes(unit))
                            .anyMatch(t -> t == Exception.class || t == Throwable.class);
                if (bare) {
                  events.add(
                      SimpleConditionEvent.violated(
                          unit,
                          unit.getDescription()
                              + " declares "
                              + unit.getThrowsClause().getTypes().stream()
                                  .map(JavaClass::getName)
                                  .toList()));
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
