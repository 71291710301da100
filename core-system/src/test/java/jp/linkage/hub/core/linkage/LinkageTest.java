package jp.linkage.hub.core.linkage;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.api.LinkageAnsweredEvent;
import jp.linkage.hub.core.api.LinkageAuthorisedEvent;
import jp.linkage.hub.core.api.LinkageDeniedEvent;
import jp.linkage.hub.core.api.LinkageRejectedException;
import jp.linkage.hub.core.api.RecordAnswerCommand;
import jp.linkage.hub.core.api.RequestLinkageCommand;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.symbol.SymbolKeyring;
import jp.linkage.hub.core.symbol.SymbolService;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.registry.ResidentRegistry;
import jp.linkage.hub.registry.SyntheticPopulation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of the linkage aggregate, on the real permission table and symbol scheme. */
class LinkageTest {
  private static final String NENKIN = "nenkin";
  private static final String CHIYODA = "muni-131016";
  private static final String INSURER = "hi-kenpo-06130001";
  private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
  private static final String SEALED =
      Base64.getEncoder().encodeToString("cms".getBytes(StandardCharsets.UTF_8));

  private final SymbolService symbols = new SymbolService(new SymbolKeyring(filled(32), 1));
  private AggregateTestFixture<Linkage> fixture;
  private byte[] point;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Linkage.class);
    fixture.registerInjectableResource(
        new TableLinkageAuthoriser(
            AgencyDirectory.loadFromClasspath(), PermissionTable.loadFromClasspath(), symbols));
    List<Person> persons = SyntheticPopulation.generate(7, 1);
    point =
        new ResidentRegistry(persons, filled(32))
            .personPoint(persons.get(0).myNumber())
            .compressed();
  }

  @Test
  void permittedQueryIsAuthorisedWithTheProvidersSymbol() {
    String nenkinSymbol = symbols.issue(NENKIN, point).encoded();
    String chiyodaSymbol = symbols.issue(CHIYODA, point).encoded();
    fixture
        .givenNoPriorActivity()
        .when(pensionQuery("L1", nenkinSymbol))
        .expectEvents(
            new LinkageAuthorisedEvent(
                "L1",
                NENKIN,
                "pension-benefit-eligibility",
                CHIYODA,
                "local-tax-info",
                nenkinSymbol,
                chiyodaSymbol,
                "2026-04",
                "2026-04",
                "B2-48-1",
                AT));
  }

  @Test
  void queryNoRowAllowsIsDeniedWithReason() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RequestLinkageCommand(
                "L2",
                INSURER,
                "pension-benefit-eligibility",
                CHIYODA,
                "local-tax-info",
                symbols.issue(INSURER, point).encoded(),
                "2026-04",
                AT))
        .expectEventsMatching(deniedWith("NO_ROW_FOR_PROCEDURE"));
  }

  @Test
  void symbolOfAnotherAgencyIsDenied() {
    fixture
        .givenNoPriorActivity()
        .when(pensionQuery("L3", symbols.issue(CHIYODA, point).encoded()))
        .expectEventsMatching(deniedWith("SYMBOL_WRONG_AGENCY"));
  }

  @Test
  void unknownProviderIsDenied() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RequestLinkageCommand(
                "L4",
                NENKIN,
                "pension-benefit-eligibility",
                "muni-999999",
                "local-tax-info",
                symbols.issue(NENKIN, point).encoded(),
                "2026-04",
                AT))
        .expectEventsMatching(deniedWith("UNKNOWN_PROVIDER"));
  }

  @Test
  void queryBeforeAnyTableIsInForceIsDenied() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RequestLinkageCommand(
                "L5",
                NENKIN,
                "pension-benefit-eligibility",
                CHIYODA,
                "local-tax-info",
                symbols.issue(NENKIN, point).encoded(),
                "2026-04",
                Instant.parse("2015-01-01T00:00:00Z")))
        .expectEventsMatching(deniedWith("NO_TABLE_IN_FORCE"));
  }

  @Test
  void redeliveredQueryHasNoSecondEffect() {
    fixture
        .given(authorised("L6"))
        .when(pensionQuery("L6", symbols.issue(NENKIN, point).encoded()))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void providersAnswerCompletesTheRecordWithADigest() {
    fixture
        .given(authorised("L7"))
        .when(new RecordAnswerCommand("L7", CHIYODA, ProvisionOutcome.PROVIDED, SEALED, AT))
        .expectEvents(
            new LinkageAnsweredEvent(
                "L7",
                NENKIN,
                CHIYODA,
                "pension-benefit-eligibility",
                "local-tax-info",
                "qsym",
                ProvisionOutcome.PROVIDED,
                SEALED,
                Linkage.digest(SEALED),
                AT));
  }

  @Test
  void redeliveredAnswerHasNoSecondEffect() {
    fixture
        .given(
            authorised("L8"),
            new LinkageAnsweredEvent(
                "L8",
                NENKIN,
                CHIYODA,
                "pension-benefit-eligibility",
                "local-tax-info",
                "qsym",
                ProvisionOutcome.NO_RECORD,
                null,
                null,
                AT))
        .when(new RecordAnswerCommand("L8", CHIYODA, ProvisionOutcome.NO_RECORD, null, AT))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void answerFromAnAgencyThatIsNotTheProviderIsRejected() {
    fixture
        .given(authorised("L9"))
        .when(new RecordAnswerCommand("L9", "muni-271004", ProvisionOutcome.PROVIDED, SEALED, AT))
        .expectException(LinkageRejectedException.class)
        .expectExceptionMessage(containsString("not the provider"));
  }

  @Test
  void deniedLinkageTakesNoAnswer() {
    fixture
        .given(
            new LinkageDeniedEvent(
                "L10",
                INSURER,
                "pension-benefit-eligibility",
                CHIYODA,
                "local-tax-info",
                "NO_ROW_FOR_PROCEDURE",
                "no row",
                "2026-04",
                AT))
        .when(new RecordAnswerCommand("L10", CHIYODA, ProvisionOutcome.PROVIDED, SEALED, AT))
        .expectException(LinkageRejectedException.class)
        .expectExceptionMessage(containsString("was denied"));
  }

  @Test
  void providedAnswerNeedsAPayload() {
    fixture
        .given(authorised("L11"))
        .when(new RecordAnswerCommand("L11", CHIYODA, ProvisionOutcome.PROVIDED, null, AT))
        .expectException(LinkageRejectedException.class)
        .expectExceptionMessage(containsString("needs a sealed payload"));
  }

  @Test
  void payloadMustBeBase64() {
    fixture
        .given(authorised("L12"))
        .when(new RecordAnswerCommand("L12", CHIYODA, ProvisionOutcome.PROVIDED, "***", AT))
        .expectException(LinkageRejectedException.class)
        .expectExceptionMessage(containsString("base64"));
  }

  private RequestLinkageCommand pensionQuery(String id, String symbol) {
    return new RequestLinkageCommand(
        id,
        NENKIN,
        "pension-benefit-eligibility",
        CHIYODA,
        "local-tax-info",
        symbol,
        "2026-04",
        AT);
  }

  private static LinkageAuthorisedEvent authorised(String id) {
    return new LinkageAuthorisedEvent(
        id,
        NENKIN,
        "pension-benefit-eligibility",
        CHIYODA,
        "local-tax-info",
        "qsym",
        "psym",
        "2026-04",
        "2026-04",
        "B2-48-1",
        AT);
  }

  /** Exactly one event: a denial with this reason code. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Matcher deniedWith(String reason) {
    return payloadsMatching(
        exactSequenceOf(
            new FeatureMatcher<LinkageDeniedEvent, String>(
                equalTo(reason), "denial with reason", "reason") {
              @Override
              protected String featureValueOf(LinkageDeniedEvent actual) {
                return actual.reason();
              }
            },
            andNoMore()));
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 0x3c);
    return b;
  }
}
