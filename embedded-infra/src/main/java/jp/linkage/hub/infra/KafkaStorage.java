package jp.linkage.hub.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft log directory once, like {@code kafka-storage.sh format}, so restarts keep their
 * data.
 */
final class KafkaStorage {
  private KafkaStorage() {}

  /**
   * @return true if the directory was formatted now, false if it already was
   */
  static boolean formatIfNeeded(Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return false;
    }
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(EmbeddedKafkaSettings.NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(EmbeddedKafkaSettings.CONTROLLER_LISTENER)
          .run();
      return true;
    } catch (Exception e) {
      throw new InfrastructureException("cannot format Kafka log dir " + logDir, e);
    }
  }
}
