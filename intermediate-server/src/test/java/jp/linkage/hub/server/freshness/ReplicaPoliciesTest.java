package jp.linkage.hub.server.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import jp.linkage.hub.layout.LayoutCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped policy file and how an operator's bad file is refused. */
class ReplicaPoliciesTest {
  private static final ReplicaPolicies SHIPPED = ReplicaPolicies.loadDefault();

  @Test
  void everyLayoutItemHasItsOwnPolicyAndNothingElseIsNamed() {
    Set<String> items = new TreeSet<>(LayoutCatalog.loadFromClasspath().items());
    assertEquals(items, new TreeSet<>(SHIPPED.namedItems()));
  }

  @Test
  void theShippedFileUsesEveryKindOfWindow() {
    Set<Class<?>> kinds = new java.util.HashSet<>();
    SHIPPED.namedItems().forEach(i -> kinds.add(SHIPPED.forItem(i).window().getClass()));
    kinds.add(SHIPPED.defaults().window().getClass());
    // IMMEDIATE (window 0) is for operators' files and the freshness benchmark
    assertEquals(7, kinds.size(), "kinds used: " + kinds);
  }

  @Test
  void procedureOverridesTheItemsDefault() {
    ItemPolicy eligibility = SHIPPED.forItem("medical-insurance-eligibility");
    assertEquals(WhilePending.DEFER, eligibility.whilePending("nhi-eligibility"));
    assertEquals(WhilePending.WARN, eligibility.whilePending("some-other-procedure"));
    assertEquals(Duration.ofMinutes(5), eligibility.deferFor());
    assertEquals(
        new LagWindow.BusinessDays(2), SHIPPED.forItem("no-such-item").window(), "defaults");
  }

  @Test
  void anOperatorsFileWithAnUnknownKindIsRefusedNamingFileAndProblem(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("policies.json");
    Files.writeString(
        file,
        """
        {"defaults": {"window": {"kind": "FORTNIGHTLY"}, "whilePending": "WARN"}, "items": {}}
        """);
    ReplicaPolicies.PolicyFileException e =
        assertThrows(ReplicaPolicies.PolicyFileException.class, () -> ReplicaPolicies.load(file));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("FORTNIGHTLY"),
        e.getMessage());
  }

  @Test
  void anOperatorsFileWithAnImpossibleWindowIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policies.json");
    Files.writeString(
        file,
        """
        {"defaults": {"window": {"kind": "BUSINESS_DAYS_BEFORE_OPENING", "days": 0}, "whilePending": "WARN"},
         "items": {}}
        """);
    ReplicaPolicies.PolicyFileException e =
        assertThrows(ReplicaPolicies.PolicyFileException.class, () -> ReplicaPolicies.load(file));
    assertTrue(e.getMessage().contains("days must be at least 1"), e.getMessage());
  }

  @Test
  void anOperatorsFileWithoutDefaultsIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policies.json");
    Files.writeString(
        file,
        """
        {"items": {"local-tax-info": {"window": {"kind": "IMMEDIATE"}, "whilePending": "WARN"}}}
        """);
    assertThrows(ReplicaPolicies.PolicyFileException.class, () -> ReplicaPolicies.load(file));
  }
}
