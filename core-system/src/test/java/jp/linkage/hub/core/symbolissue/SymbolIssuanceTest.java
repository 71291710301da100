package jp.linkage.hub.core.symbolissue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jp.linkage.hub.core.api.IssueSymbolCommand;
import jp.linkage.hub.core.api.SymbolIssuedEvent;
import jp.linkage.hub.core.symbol.SymbolKeyring;
import jp.linkage.hub.core.symbol.SymbolRejectedException;
import jp.linkage.hub.core.symbol.SymbolService;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.registry.ResidentRegistry;
import jp.linkage.hub.registry.SyntheticPopulation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SymbolIssuanceTest {
  private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
  private final SymbolService symbols = new SymbolService(new SymbolKeyring(filled(32), 1));
  private AggregateTestFixture<SymbolIssuance> fixture;
  private byte[] point;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(SymbolIssuance.class);
    fixture.registerInjectableResource(symbols);
    List<Person> persons = SyntheticPopulation.generate(3, 1);
    point =
        new ResidentRegistry(persons, filled(32))
            .personPoint(persons.get(0).myNumber())
            .compressed();
  }

  @Test
  void issuesTheAgencysSymbolWithoutKeepingThePoint() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueSymbolCommand("nenkin:r1", "nenkin", "r1", point, AT))
        .expectEvents(
            new SymbolIssuedEvent(
                "nenkin:r1", "nenkin", "r1", symbols.issue("nenkin", point).encoded(), 1, AT));
  }

  @Test
  void redeliveredRequestHasNoSecondEffect() {
    fixture
        .given(new SymbolIssuedEvent("nenkin:r1", "nenkin", "r1", "s", 1, AT))
        .when(new IssueSymbolCommand("nenkin:r1", "nenkin", "r1", point, AT))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void pointOffTheCurveIsRejected() {
    byte[] bad = point.clone();
    bad[0] = 0x07;
    fixture
        .givenNoPriorActivity()
        .when(new IssueSymbolCommand("nenkin:r2", "nenkin", "r2", bad, AT))
        .expectException(SymbolRejectedException.class);
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 0x11);
    return b;
  }
}
