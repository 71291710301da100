package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryResult;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A query asking for a layout edition that does not exist is rejected by the hub before
 * authorisation, and the rejection (field and rule) reaches the querier's intermediate server.
 */
class QueryValidationIT {
  @Test
  void aQueryForAnUnknownEditionComesBackRejectedNamingFieldAndRule() throws Exception {
    DemoRun.report();
    IntermediateServer server = DemoRun.hub().server();
    String linkageId =
        server.query(
            DemoPeople.NENKIN,
            new Query(
                DemoPeople.idFor(DemoPeople.NENKIN, 0),
                "pension-benefit-eligibility",
                DemoPeople.CHIYODA,
                new ItemRef("local-tax-info", "2099-01")));
    QueryResult r =
        Awaitility.await("the rejection")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> server.result(DemoPeople.NENKIN, linkageId).orElseThrow(),
                QueryResult::isFinal);
    assertEquals("REJECTED", r.status(), r.toString());
    assertTrue(r.detail().startsWith("data.layoutEdition broke UNKNOWN_EDITION"), r.detail());
    assertTrue(r.detail().contains("2026-04"), "names the editions there are: " + r.detail());
  }
}
