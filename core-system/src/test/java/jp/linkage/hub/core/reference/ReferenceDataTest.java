package jp.linkage.hub.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.linkage.hub.core.api.AgencyRegisteredEvent;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.core.api.PermissionTableVersionPublishedEvent;
import jp.linkage.hub.core.api.PublishPermissionTableVersionCommand;
import jp.linkage.hub.core.api.RegisterAgencyCommand;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Table editions and agencies enter the event log once, and a logged edition cannot change. */
class ReferenceDataTest {
  private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
  private static final PermissionTableVersion V =
      PermissionTable.loadFromClasspath().version("2026-04").orElseThrow();
  private static final String ID = PermissionTablePublication.idOf("2026-04");

  private static PermissionTableVersionPublishedEvent published(String sha) {
    return new PermissionTableVersionPublishedEvent("2026-04", V.validFrom(), V.rows(), sha, AT);
  }

  private static PublishPermissionTableVersionCommand publish(
      List<PermissionRow> rows, String sha, Instant at) {
    return new PublishPermissionTableVersionCommand(ID, "2026-04", V.validFrom(), rows, sha, at);
  }

  @Test
  void anEditionIsPublishedOnceWithItsRowsAndDigest() {
    AggregateTestFixture<PermissionTablePublication> f =
        new AggregateTestFixture<>(PermissionTablePublication.class);
    f.givenNoPriorActivity().when(publish(V.rows(), "abc", AT)).expectEvents(published("abc"));
    f.given(published("abc"))
        .when(publish(V.rows(), "abc", AT.plusSeconds(60)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aLoggedEditionWhoseRowsOrFileChangedIsRefused() {
    AggregateTestFixture<PermissionTablePublication> f =
        new AggregateTestFixture<>(PermissionTablePublication.class);
    List<PermissionRow> fewer = new ArrayList<>(V.rows());
    fewer.remove(0);
    f.given(published("abc"))
        .when(publish(fewer, "abc", AT))
        .expectException(PublishedTableChangedException.class);
    f.given(published("abc"))
        .when(publish(V.rows(), "def", AT))
        .expectException(PublishedTableChangedException.class);
  }

  @Test
  void anAgencyIsRegisteredAgainOnlyWhenItChanged() {
    AggregateTestFixture<AgencyRegistration> f =
        new AggregateTestFixture<>(AgencyRegistration.class);
    String id = AgencyRegistration.idOf("nenkin");
    AgencyRegisteredEvent registered =
        new AgencyRegisteredEvent(
            "nenkin", AgencyType.PENSION_ORGANISATION, "日本年金機構", "Japan Pension Service", AT);
    f.givenNoPriorActivity()
        .when(
            new RegisterAgencyCommand(
                id,
                "nenkin",
                AgencyType.PENSION_ORGANISATION,
                "日本年金機構",
                "Japan Pension Service",
                AT))
        .expectEvents(registered);
    f.given(registered)
        .when(
            new RegisterAgencyCommand(
                id,
                "nenkin",
                AgencyType.PENSION_ORGANISATION,
                "日本年金機構",
                "Japan Pension Service",
                AT.plusSeconds(1)))
        .expectNoEvents();
    f.given(registered)
        .when(
            new RegisterAgencyCommand(
                id,
                "nenkin",
                AgencyType.MHLW,
                "日本年金機構",
                "Japan Pension Service",
                AT.plusSeconds(1)))
        .expectEvents(
            new AgencyRegisteredEvent(
                "nenkin", AgencyType.MHLW, "日本年金機構", "Japan Pension Service", AT.plusSeconds(1)));
  }

  @Test
  void theDigestIsTheSha256OfTheShippedFile() throws Exception {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("permission-table/2017-07.json")) {
      assertNotNull(in);
      String expected =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
      assertEquals(expected, ReferenceDataPublisher.sourceSha256("2017-07"));
    }
    assertNull(ReferenceDataPublisher.sourceSha256("1999-01"));
  }
}
