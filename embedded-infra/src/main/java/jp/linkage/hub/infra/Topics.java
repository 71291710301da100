package jp.linkage.hub.infra;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Topic creation; the brokers never auto-create topics, so every component creates its own first.
 */
public final class Topics {
  private static final long TIMEOUT_MS = 30_000;

  private Topics() {}

  /**
   * Creates the missing topics; existing ones are left as they are (idempotent). The replication
   * factor is the broker's {@code default.replication.factor} (1 on the embedded broker).
   */
  public static void createTopics(
      String bootstrapServers, Collection<String> names, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      CreateTopicsResult result =
          admin.createTopics(
              names.stream()
                  .map(n -> new NewTopic(n, Optional.of(partitions), Optional.empty()))
                  .toList());
      for (var entry : result.values().entrySet()) {
        try {
          entry.getValue().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new InfrastructureException(
                "cannot create topic " + entry.getKey(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while creating topics " + names, e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new InfrastructureException(
          "timed out creating topics " + names + " on " + bootstrapServers, e);
    }
  }
}
