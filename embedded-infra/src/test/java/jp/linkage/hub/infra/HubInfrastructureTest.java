package jp.linkage.hub.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** External mode starts nothing, so the mode choice is testable without servers. */
class HubInfrastructureTest {
  @Test
  void usesExternalServersWhenConfigured() {
    Map<String, String> env =
        Map.of(
            "HUB_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
            "HUB_JDBC_URL", "jdbc:postgresql://db:5432/postgres?sslmode=disable",
            "HUB_JDBC_USER", "hub",
            "HUB_JDBC_PASSWORD", "secret");
    try (HubInfrastructure infra = HubInfrastructure.from(env)) {
      assertFalse(infra.embeddedKafka());
      assertFalse(infra.embeddedPostgres());
      assertEquals("kafka-1:9092,kafka-2:9092", infra.kafkaBootstrapServers());
      assertEquals("jdbc:postgresql://db:5432/core?sslmode=disable", infra.jdbcUrl("core"));
      assertEquals("hub", infra.jdbcUser());
      assertEquals("secret", infra.jdbcPassword());
    }
  }

  @Test
  void blankVariablesCountAsUnset() {
    assertTrue(InfraSetting.HUB_JDBC_URL.lookup(Map.of("HUB_JDBC_URL", "  ")).isEmpty());
    assertEquals("postgres", InfraSetting.HUB_JDBC_USER.valueOr(Map.of()));
  }

  @Test
  void everySettingIsDocumentedInTheTableAndTheJavadoc() {
    String table = InfraSetting.markdownTable();
    Arrays.stream(InfraSetting.values())
        .forEach(
            s -> {
              assertTrue(table.contains("`" + s.variable() + "`"), s.variable());
              assertFalse(s.doc().isBlank(), s.variable());
            });
  }
}
