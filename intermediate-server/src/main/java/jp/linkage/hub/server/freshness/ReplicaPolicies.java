package jp.linkage.hub.server.freshness;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.linkage.hub.calendar.BusinessCalendar;

/**
 * The replica policies of an intermediate server: per information item, the lag window (登録期限) and
 * the behaviour of answers while a change is pending. Configuration, not code: the default set is
 * {@code replica-policies.json} on the classpath; operators pass their own file.
 *
 * @param defaults applies to items the file does not name
 */
public record ReplicaPolicies(
    String note,
    @JsonProperty(required = true) ItemPolicy defaults,
    @JsonProperty(required = true) Map<String, ItemPolicy> items) {

  public static final String RESOURCE = "/replica-policies.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public ReplicaPolicies {
    items = Map.copyOf(items);
  }

  public ItemPolicy forItem(String item) {
    return items.getOrDefault(item, defaults);
  }

  /** The replica deadline of a master change of {@code item}; empty for an undecided window. */
  public Optional<Instant> deadline(
      String item, Instant masterChangedAt, BusinessCalendar calendar) {
    return forItem(item).window().deadline(masterChangedAt, calendar);
  }

  public Set<String> namedItems() {
    return items.keySet();
  }

  public static ReplicaPolicies loadDefault() {
    try (InputStream in = ReplicaPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new PolicyFileException(RESOURCE + " is missing from the classpath", null);
      }
      return MAPPER.readValue(in, ReplicaPolicies.class);
    } catch (IOException e) {
      throw new PolicyFileException(
          "the built-in " + RESOURCE + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * The operator's file when one is named (a {@code --replica-policies} option), else the built-in
   * policies.
   */
  public static ReplicaPolicies loadOrDefault(Path fileOrNull) {
    return fileOrNull == null ? loadDefault() : load(fileOrNull);
  }

  /** Reads an operator's policy file; the message names the file and what is wrong in it. */
  public static ReplicaPolicies load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return MAPPER.readValue(in, ReplicaPolicies.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new PolicyFileException(
          "replica policy file " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /** A replica policy file that cannot be read or breaks a rule. */
  public static final class PolicyFileException extends RuntimeException {
    public PolicyFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
