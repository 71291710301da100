package jp.linkage.hub.iface.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.backoffice.message.BackOfficeMessageType;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecDocument;

/**
 * The back-office link's own specification, apart from the hub's: {@code backoffice-asyncapi.yaml}
 * (the agency's Kafka, {@code bo.{agency}.to-server} and {@code bo.{agency}.from-server}) and below
 * {@code schemas/backoffice/} one schema per {@link BackOfficeMessageType} (the hub's envelope with
 * its type fixed) and per payload record.
 */
public final class BackOfficeSpecs {
  /** Path of the AsyncAPI document below the specs folder. */
  public static final String ASYNCAPI_PATH = "backoffice-asyncapi.yaml";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BackOfficeSpecs() {}

  public static String messagePath(BackOfficeMessageType type) {
    return "schemas/backoffice/" + type.wireName() + ".json";
  }

  public static String payloadPath(Class<? extends Record> payload) {
    return "schemas/backoffice/payloads/" + MessageSchemas.kebab(payload.getSimpleName()) + ".json";
  }

  public static List<SpecDocument> all() {
    List<SpecDocument> docs = new ArrayList<>();
    Set<Class<? extends Record>> payloads = new LinkedHashSet<>();
    for (BackOfficeMessageType type : BackOfficeMessageType.values()) {
      payloads.add(type.payload());
      docs.add(new SpecDocument(messagePath(type), message(type)));
    }
    for (Class<? extends Record> payload : payloads) {
      docs.add(
          new SpecDocument(
              payloadPath(payload),
              RecordJsonSchema.schema(
                  payload,
                  LayoutJsonSchema.BASE_URI + payloadPath(payload),
                  payload.getSimpleName(),
                  "Back-office link payload "
                      + payload.getSimpleName()
                      + " (the envelope's data).")));
    }
    docs.add(new SpecDocument(ASYNCAPI_PATH, asyncApi()));
    return docs;
  }

  /** The envelope with {@code type} fixed and {@code data} bound to the payload schema. */
  static ObjectNode message(BackOfficeMessageType type) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", LayoutJsonSchema.DIALECT);
    schema.put("$id", LayoutJsonSchema.BASE_URI + messagePath(type));
    schema.put("title", type.name() + " (" + type.wireName() + ")");
    schema.put(
        "description",
        "Back-office link message; the envelope is the hub's, with the source /agencies/<agency>"
            + " (to-server) or "
            + BackOfficeMessageType.SERVER_SOURCE
            + " (from-server).");
    schema.put("type", "object");
    ObjectNode p = schema.putObject("properties");
    p.putObject("specversion").put("const", "1.0");
    p.putObject("id").put("type", "string").put("minLength", 1);
    p.putObject("source")
        .put("type", "string")
        .put(
            "pattern",
            type.toServer()
                ? "^/agencies/[a-z0-9][a-z0-9-]{1,62}$"
                : "^" + BackOfficeMessageType.SERVER_SOURCE + "$");
    p.putObject("type").put("const", type.wireName());
    p.putObject("time").put("type", "string").put("format", "date-time");
    p.putObject("correlationid").put("type", "string").put("minLength", 1);
    p.putObject("schemaversion").put("const", EnvelopeCodec.SCHEMA_VERSION);
    p.putObject("datacontenttype").put("const", "application/json");
    p.putObject("data")
        .put("$ref", "payloads/" + MessageSchemas.kebab(type.payload().getSimpleName()) + ".json");
    ArrayNode required = schema.putArray("required");
    List.of("specversion", "id", "source", "type", "time", "correlationid", "schemaversion", "data")
        .forEach(required::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  static ObjectNode asyncApi() {
    ObjectNode doc = JSON.objectNode();
    doc.put("asyncapi", "3.0.0");
    doc.put("id", "urn:linkage-hub:backoffice-link");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Back-office link (業務システム ↔ 中間サーバー)");
    info.put("version", "schemaversion-" + EnvelopeCodec.SCHEMA_VERSION);
    info.put(
        "description",
        "An agency's back-office and its intermediate server. These topics are the agency's"
            + " side: they carry its plaintext replica data and local ids, never a My Number, and never reach the"
            + " hub's ipn.* topics. See docs/backoffice-linkage.md for examples.");
    doc.put("defaultContentType", AsyncApiDocument.CONTENT_TYPE);
    ObjectNode server = doc.putObject("servers").putObject("backoffice");
    server.put("host", "kafka.agency.example:9092");
    server.put("protocol", "kafka");
    server.put(
        "description",
        "Placeholder: the agency's Kafka (HUB_BACKOFFICE_KAFKA); the hub's in the demo.");
    ObjectNode channels = doc.putObject("channels");
    channel(
        channels, "toServer", "bo.{agency}.to-server", "Back-office → intermediate server", true);
    channel(
        channels,
        "fromServer",
        "bo.{agency}.from-server",
        "Intermediate server → back-office",
        false);
    ObjectNode operations = doc.putObject("operations");
    operation(
        operations,
        "backOfficeSends",
        "send",
        "toServer",
        true,
        "The back-office sends master changes (副本登録), change notices (異動通知) and queries (情報照会).");
    operation(
        operations,
        "backOfficeReceives",
        "receive",
        "fromServer",
        false,
        "The back-office receives acknowledgements, query results, replica alerts and rejections.");
    ObjectNode messages = doc.putObject("components").putObject("messages");
    for (BackOfficeMessageType type : BackOfficeMessageType.values()) {
      ObjectNode m = messages.putObject(key(type));
      m.put("name", type.name());
      m.put("title", type.wireName());
      m.put("contentType", AsyncApiDocument.CONTENT_TYPE);
      ObjectNode payload = m.putObject("payload");
      payload.put("schemaFormat", AsyncApiDocument.SCHEMA_FORMAT);
      payload.putObject("schema").put("$ref", "./" + messagePath(type));
      m.putObject("correlationId")
          .put(
              "description",
              type.toServer()
                  ? "chosen by the back-office; replies carry this message's id"
                  : "the id of the message answered")
          .put("location", "$message.payload#/correlationid");
      m.put("x-payload-record", type.payload().getName());
    }
    return doc;
  }

  private static void channel(
      ObjectNode channels, String key, String address, String title, boolean toServer) {
    ObjectNode c = channels.putObject(key);
    c.put("address", address);
    c.put("title", title);
    c.putArray("servers").addObject().put("$ref", "#/servers/backoffice");
    c.putObject("parameters")
        .putObject("agency")
        .put("description", "agency code")
        .putArray("examples")
        .add("muni-131016")
        .add("hi-kenpo-06130001");
    ObjectNode messages = c.putObject("messages");
    for (BackOfficeMessageType type : BackOfficeMessageType.values()) {
      if (type.toServer() == toServer) {
        messages.putObject(key(type)).put("$ref", "#/components/messages/" + key(type));
      }
    }
  }

  private static void operation(
      ObjectNode operations,
      String key,
      String action,
      String channel,
      boolean toServer,
      String summary) {
    ObjectNode o = operations.putObject(key);
    o.put("action", action);
    o.putObject("channel").put("$ref", "#/channels/" + channel);
    o.put("summary", summary);
    ArrayNode refs = o.putArray("messages");
    for (BackOfficeMessageType type : BackOfficeMessageType.values()) {
      if (type.toServer() == toServer) {
        refs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + key(type));
      }
    }
  }

  private static String key(BackOfficeMessageType type) {
    StringBuilder key = new StringBuilder();
    for (String word : type.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      key.append(
          key.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return key.toString();
  }
}
