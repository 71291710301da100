package jp.linkage.hub.iface.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecDocument;
import jp.linkage.hub.layout.spec.SpecGenerationException;

/**
 * JSON Schemas of the wire format: the CloudEvents envelope, each payload record, and per message
 * type the envelope with its {@code type} fixed and its {@code data} bound to the payload schema.
 */
public final class MessageSchemas {
  /** Path of the envelope schema below the specs folder. */
  public static final String ENVELOPE_PATH = "schemas/messages/envelope.json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> ENVELOPE_ATTRIBUTES =
      List.of(
          "specversion",
          "id",
          "source",
          "type",
          "time",
          "correlationid",
          "schemaversion",
          "datacontenttype",
          "data");

  private MessageSchemas() {}

  /**
   * Path of the full-message schema of {@code type}, e.g. {@code
   * schemas/messages/jp.ipn.linkage.query-requested.json}.
   */
  public static String messagePath(MessageType type) {
    return "schemas/messages/" + type.wireName() + ".json";
  }

  /** Path of the schema of a payload record, e.g. {@code schemas/payloads/query-request.json}. */
  public static String payloadPath(Class<? extends Record> payload) {
    return "schemas/payloads/" + kebab(payload.getSimpleName()) + ".json";
  }

  /** Envelope, payload and per-type message schemas. */
  public static List<SpecDocument> all() {
    List<SpecDocument> docs = new ArrayList<>();
    docs.add(new SpecDocument(ENVELOPE_PATH, envelope()));
    Set<Class<? extends Record>> payloads = new LinkedHashSet<>();
    for (MessageType type : MessageType.values()) {
      payloads.add(MessageSpec.of(type).payload());
    }
    for (Class<? extends Record> payload : payloads) {
      docs.add(
          new SpecDocument(
              payloadPath(payload),
              RecordJsonSchema.schema(
                  payload,
                  LayoutJsonSchema.BASE_URI + payloadPath(payload),
                  payload.getSimpleName(),
                  "Payload record " + payload.getSimpleName() + " (the envelope's data).")));
    }
    for (MessageType type : MessageType.values()) {
      docs.add(new SpecDocument(messagePath(type), message(MessageSpec.of(type))));
    }
    return docs;
  }

  /**
   * The CloudEvents 1.0 envelope (structured JSON mode) as {@link EnvelopeCodec#decode} accepts it.
   */
  public static ObjectNode envelope() {
    List<String> components =
        Arrays.stream(Envelope.class.getRecordComponents()).map(RecordComponent::getName).toList();
    if (!components.equals(ENVELOPE_ATTRIBUTES)) {
      throw new SpecGenerationException(
          "Envelope has attributes "
              + components
              + " but the envelope schema describes "
              + ENVELOPE_ATTRIBUTES
              + "; update MessageSchemas.envelope()");
    }
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", LayoutJsonSchema.DIALECT);
    schema.put("$id", LayoutJsonSchema.BASE_URI + ENVELOPE_PATH);
    schema.put("title", "Envelope (CloudEvents 1.0, structured JSON)");
    schema.put(
        "description",
        "The one envelope of every record on every hub topic. Generated from "
            + Envelope.class.getName()
            + "; do not edit.");
    schema.put("type", "object");
    ObjectNode p = schema.putObject("properties");
    p.putObject("specversion").put("const", Envelope.SPEC_VERSION);
    nonBlank(p.putObject("id"))
        .put("description", "unique per message; for a query also the linkage id (情報連携 ID)");
    p.putObject("source")
        .put("type", "string")
        .put("pattern", "^/(hub|registry|agencies/[a-z0-9][a-z0-9-]{1,62})$")
        .put(
            "description",
            "the sender: /hub, /registry or /agencies/<agency code>; must match the topic written to");
    ArrayNode types =
        p.putObject("type").put("description", "message type (wire name)").putArray("enum");
    Arrays.stream(MessageType.values()).map(MessageType::wireName).forEach(types::add);
    p.putObject("time").put("type", "string").put("format", "date-time");
    nonBlank(p.putObject("correlationid"))
        .put("description", "the linkage (or symbol request) this message belongs to");
    p.putObject("schemaversion")
        .put("const", EnvelopeCodec.SCHEMA_VERSION)
        .put("description", "payload schema version");
    p.putObject("datacontenttype").put("const", Envelope.CONTENT_TYPE);
    p.putObject("data")
        .put("type", "object")
        .put("description", "the payload; its schema depends on type");
    ArrayNode required = schema.putArray("required");
    // CloudEvents makes datacontenttype optional and the codec does not demand it (the hub always
    // sends it)
    ENVELOPE_ATTRIBUTES.stream().filter(a -> !a.equals("datacontenttype")).forEach(required::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  /**
   * One message type: the envelope with {@code type} fixed and {@code data} bound to the payload
   * schema.
   */
  public static ObjectNode message(MessageSpec spec) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", LayoutJsonSchema.DIALECT);
    schema.put("$id", LayoutJsonSchema.BASE_URI + messagePath(spec.type()));
    schema.put("title", spec.type().name() + " (" + spec.type().wireName() + ")");
    schema.put("description", spec.summary());
    schema.put("$ref", "envelope.json");
    ObjectNode p = schema.putObject("properties");
    p.putObject("type").put("const", spec.type().wireName());
    p.putObject("data")
        .put("$ref", "../payloads/" + kebab(spec.payload().getSimpleName()) + ".json");
    return schema;
  }

  private static ObjectNode nonBlank(ObjectNode property) {
    return property.put("type", "string").put("minLength", 1).put("pattern", "\\S");
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
