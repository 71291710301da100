package jp.linkage.hub.server.query;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.api.UnknownPersonException;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.outbox.OutboxRelay;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.testing.SharedInfrastructure;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries filed by a process that is not the server (a batch command): is_query and outbox row as
 * {@code IntermediateServer.query} writes them, sent by a server's relay that was never signalled,
 * and their results read back in batches.
 */
class QueryFilerIT {
  private static final String AGENCY = "nenkin";
  private static final ItemRef LOCAL_TAX = new ItemRef("local-tax-info", "2026-04");
  private static DataSource db;

  @BeforeAll
  static void schema() throws Exception {
    db = SharedInfrastructure.get().dataSource("query_filer_it");
    ServerSchema.create(db);
    Jdbc.inTransaction(
        db,
        c -> {
          PersonLinks.link(c, AGENCY, "N00000001", new Symbol("symbol-of-N1"));
          return null;
        });
  }

  @Test
  void aFiledQueryIsSentByTheServersRelayWithoutASignal() throws Exception {
    String linkageId =
        new QueryFiler(db, Clock.systemUTC())
            .file(
                AGENCY,
                new Query("N00000001", "pension-benefit-eligibility", "muni-131016", LOCAL_TAX));
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    EnvelopeCodec codec = new EnvelopeCodec();
    try (OutboxRelay relay =
        new OutboxRelay(new Outbox(db, producer, codec), 200, "query-filer-it")) {
      await("the filed query on the agency's to-hub topic")
          .atMost(Duration.ofSeconds(10))
          .until(() -> producer.history().stream().anyMatch(r -> r.key().equals(linkageId)));
    }
    ProducerRecord<String, byte[]> sent =
        producer.history().stream()
            .filter(r -> r.key().equals(linkageId))
            .findFirst()
            .orElseThrow();
    assertEquals("ipn.nenkin.to-hub", sent.topic());
    Envelope envelope = codec.decode(sent.value());
    assertEquals(MessageType.QUERY_REQUESTED.wireName(), envelope.type());
    QueryRequest request = codec.payload(envelope, QueryRequest.class);
    assertEquals(
        new QueryRequest(
            "pension-benefit-eligibility",
            "muni-131016",
            "local-tax-info",
            "symbol-of-N1",
            "2026-04"),
        request);
    QueryResult result =
        new QueryFiler(db, Clock.systemUTC()).results(AGENCY, List.of(linkageId)).get(linkageId);
    assertEquals("SENT", result.status());
    assertEquals("N00000001", result.localId());
  }

  @Test
  void aPersonWithoutASymbolIsRefusedAndNothingIsWritten() throws SQLException {
    QueryFiler filer = new QueryFiler(db, Clock.systemUTC());
    assertThrows(
        UnknownPersonException.class,
        () ->
            filer.file(
                AGENCY,
                new Query("N99999999", "pension-benefit-eligibility", "muni-131016", LOCAL_TAX)));
  }

  @Test
  void resultsAreReadForMoreIdsThanOneStatementTakesAndUnknownIdsAreLeftOut() throws Exception {
    QueryFiler filer = new QueryFiler(db, Clock.systemUTC());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < QueryFiler.READ_BATCH + 5; i++) {
      ids.add(
          filer.file(
              AGENCY,
              new Query("N00000001", "pension-benefit-eligibility", "muni-131016", LOCAL_TAX)));
    }
    ids.add("no-such-linkage");
    Map<String, QueryResult> results = filer.results(AGENCY, ids);
    assertEquals(QueryFiler.READ_BATCH + 5, results.size());
    assertTrue(results.values().stream().allMatch(r -> r.status().equals("SENT")));
    assertTrue(
        filer.results("muni-131016", ids).isEmpty(), "another agency's queries are not its own");
  }
}
