package jp.linkage.hub.iface;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.UUID;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * Encodes and decodes envelopes and their payloads, and checks both against the envelope rules and
 * the payload record's required fields. Thread-safe.
 */
public final class EnvelopeCodec {
  /** Payload schema version written by this build. */
  public static final String SCHEMA_VERSION = "1";

  private final ObjectMapper mapper;
  private final Clock clock;

  public EnvelopeCodec() {
    this(Clock.systemUTC());
  }

  public EnvelopeCodec(Clock clock) {
    this.clock = clock;
    this.mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "" or "  " is not a time, even where a time may be absent (the published schema
            // agrees)
            .withCoercionConfig(
                LogicalType.DateTime,
                c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** A new envelope with a fresh random id. */
  public Envelope envelope(String source, MessageType type, String correlationId, Object payload) {
    return envelope(UUID.randomUUID().toString(), source, type, correlationId, payload);
  }

  public Envelope envelope(
      String id, String source, MessageType type, String correlationId, Object payload) {
    return new Envelope(
        Envelope.SPEC_VERSION,
        id,
        source,
        type.wireName(),
        clock.instant(),
        correlationId,
        SCHEMA_VERSION,
        Envelope.CONTENT_TYPE,
        mapper.valueToTree(payload));
  }

  /**
   * An envelope of a type outside {@link MessageType}, e.g. the back-office link's types, which are
   * kept apart from the hub's.
   */
  public Envelope envelope(
      String id, String source, String wireType, String correlationId, Object payload) {
    return new Envelope(
        Envelope.SPEC_VERSION,
        id,
        source,
        wireType,
        clock.instant(),
        correlationId,
        SCHEMA_VERSION,
        Envelope.CONTENT_TYPE,
        mapper.valueToTree(payload));
  }

  public byte[] encode(Envelope envelope) {
    try {
      return mapper.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("envelope not serialisable: " + envelope.type(), e);
    }
  }

  /** Decodes and checks the envelope attributes; the payload is checked by {@link #payload}. */
  public Envelope decode(byte[] bytes) throws MalformedMessageException {
    return decode(bytes, type -> MessageType.fromWireName(type).isPresent());
  }

  /**
   * As {@link #decode(byte[])}, for a message family whose known types {@code knownType} accepts.
   */
  public Envelope decode(byte[] bytes, java.util.function.Predicate<String> knownType)
      throws MalformedMessageException {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedMessageException("$", "not-empty", "the record value is empty");
    }
    Envelope envelope;
    try {
      envelope = mapper.readValue(bytes, Envelope.class);
    } catch (UnrecognizedPropertyException e) {
      throw new MalformedMessageException(
          e.getPropertyName(),
          "unknown-attribute",
          "unknown envelope attribute " + e.getPropertyName());
    } catch (IOException e) {
      throw new MalformedMessageException("$", "json", "not a JSON envelope: " + firstLine(e));
    }
    require(envelope.specversion(), "specversion");
    if (!Envelope.SPEC_VERSION.equals(envelope.specversion())) {
      throw new MalformedMessageException(
          "specversion",
          "supported-version",
          "specversion must be 1.0, was " + envelope.specversion());
    }
    require(envelope.id(), "id");
    require(envelope.source(), "source");
    require(envelope.type(), "type");
    if (envelope.time() == null) {
      throw new MalformedMessageException("time", "required", "attribute time is required");
    }
    require(envelope.correlationid(), "correlationid");
    if (!SCHEMA_VERSION.equals(envelope.schemaversion())) {
      throw new MalformedMessageException(
          "schemaversion",
          "supported-version",
          "schemaversion must be " + SCHEMA_VERSION + ", was " + envelope.schemaversion());
    }
    if (!knownType.test(envelope.type())) {
      throw new MalformedMessageException("type", "known-type", "unknown type " + envelope.type());
    }
    if (envelope.data() == null || !envelope.data().isObject()) {
      throw new MalformedMessageException("data", "required", "data must be a JSON object");
    }
    return envelope;
  }

  /** Reads the payload as {@code type} and checks that every non-optional component is present. */
  public <T extends Record> T payload(Envelope envelope, Class<T> type)
      throws MalformedMessageException {
    JsonNode data = envelope.data();
    T value;
    try {
      value = mapper.treeToValue(data, type);
    } catch (UnrecognizedPropertyException e) {
      throw new MalformedMessageException(
          "data." + e.getPropertyName(),
          "unknown-field",
          "field " + e.getPropertyName() + " is not part of " + type.getSimpleName());
    } catch (InvalidFormatException e) {
      String path = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
      throw new MalformedMessageException(
          "data." + path, "format", "field " + path + " has an invalid value: " + e.getValue());
    } catch (IOException e) {
      throw new MalformedMessageException("data", "json", firstLine(e));
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(OptionalField.class)) {
        continue;
      }
      Object fieldValue;
      try {
        fieldValue = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("record accessor failed", e);
      }
      if (fieldValue == null || (fieldValue instanceof String s && s.isBlank())) {
        throw new MalformedMessageException(
            "data." + component.getName(),
            "required",
            "field " + component.getName() + " is required in " + type.getSimpleName());
      }
    }
    return value;
  }

  private static void require(String value, String attribute) throws MalformedMessageException {
    if (value == null || value.isBlank()) {
      throw new MalformedMessageException(
          attribute, "required", "attribute " + attribute + " is required");
    }
  }

  private static String firstLine(Exception e) {
    String msg = String.valueOf(e.getMessage());
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }
}
