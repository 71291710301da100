package jp.linkage.hub.iface.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.spec.MessageSpec.Channel;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;

/**
 * The AsyncAPI 3.0 document of the interface system (インターフェイスシステム): the Kafka server, the three
 * topic families with their {@code agency} parameter, the operations seen from an agency (and the
 * resident registry), one message per {@link MessageType} whose payload is the CloudEvents envelope
 * schema of that type, and the answer document and layout schemas. Schemas are referenced by
 * relative path, so the document must sit at the root of the specs folder next to {@code schemas/}.
 */
public final class AsyncApiDocument {
  /** Path below the specs folder. */
  public static final String PATH = "asyncapi.yaml";

  /** Schema format of every referenced schema (a custom format in AsyncAPI 3.0 terms). */
  public static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

  /** Content type of a Kafka record value: a CloudEvent in structured mode. */
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AsyncApiDocument() {}

  public static ObjectNode build(LayoutCatalog catalog) {
    ObjectNode doc = JSON.objectNode();
    doc.put("asyncapi", "3.0.0");
    doc.put("id", "urn:linkage-hub:interface-system");
    ObjectNode info = doc.putObject("info");
    info.put("title", "情報提供ネットワークシステム interface system (linkage hub model)");
    info.put("version", "schemaversion-" + EnvelopeCodec.SCHEMA_VERSION);
    info.put(
        "description",
        "Every topic of the hub and its messages. Each Kafka record value is one"
            + " CloudEvents 1.0 envelope in structured JSON mode. Schemas are JSON Schema draft 2020-12, generated"
            + " from the code and the data standard layout files; their $id host "
            + LayoutJsonSchema.BASE_URI
            + " is a placeholder, the files next to this document are the published schemas.");
    doc.put("defaultContentType", CONTENT_TYPE);
    ObjectNode server = doc.putObject("servers").putObject("hub");
    server.put("host", "kafka.linkage-hub.example:9092");
    server.put("protocol", "kafka");
    server.put(
        "description",
        "Placeholder: the hub's Kafka cluster. Each agency's principal may write only"
            + " its own to-hub topic and read only its own from-hub topic.");
    ObjectNode channels = doc.putObject("channels");
    channel(channels, Channel.AGENCY_TO_HUB, "ipn.{agency}.to-hub", "Agency → hub");
    channel(channels, Channel.AGENCY_FROM_HUB, "ipn.{agency}.from-hub", "Hub → agency");
    channel(
        channels,
        Channel.REGISTRY_TO_HUB,
        TopicLayout.REGISTRY_TO_HUB,
        "Resident registry (住基ネット) → hub");
    ObjectNode operations = doc.putObject("operations");
    operation(
        operations,
        "agencySendsToHub",
        "send",
        Channel.AGENCY_TO_HUB,
        "An agency sends queries (情報照会) and answers (情報提供) to the hub.");
    operation(
        operations,
        "agencyReceivesFromHub",
        "receive",
        Channel.AGENCY_FROM_HUB,
        "An agency receives symbols, provision requests, answers, denials and rejections.");
    operation(
        operations,
        "registrySendsToHub",
        "send",
        Channel.REGISTRY_TO_HUB,
        "The resident registry asks the hub to issue agency symbols.");
    ObjectNode components = doc.putObject("components");
    ObjectNode messages = components.putObject("messages");
    for (MessageType type : MessageType.values()) {
      messages.set(MessageSpec.of(type).key(), message(MessageSpec.of(type)));
    }
    ObjectNode schemas = components.putObject("schemas");
    schemas.set("Envelope", schemaRef(MessageSchemas.ENVELOPE_PATH));
    schemas.set("AnswerDocument", schemaRef(AnswerDocumentSchema.PATH));
    for (String item : catalog.items()) {
      for (Layout layout : catalog.editions(item)) {
        schemas.set(
            "layout_" + item + "_" + layout.edition(),
            schemaRef(LayoutJsonSchema.path(layout.ref())));
      }
    }
    return doc;
  }

  static String channelKey(Channel channel) {
    return switch (channel) {
      case AGENCY_TO_HUB -> "agencyToHub";
      case AGENCY_FROM_HUB -> "agencyFromHub";
      case REGISTRY_TO_HUB -> "registryToHub";
    };
  }

  private static void channel(ObjectNode channels, Channel channel, String address, String title) {
    ObjectNode c = channels.putObject(channelKey(channel));
    c.put("address", address);
    c.put("title", title);
    c.putArray("servers").addObject().put("$ref", "#/servers/hub");
    if (address.contains("{agency}")) {
      ObjectNode agency = c.putObject("parameters").putObject("agency");
      agency.put("description", "agency code: lower case letters, digits and '-', not 'registry'");
      agency
          .putArray("examples")
          .add("muni-131016")
          .add("muni-271004")
          .add("hi-kenpo-06130001")
          .add("nenkin");
    }
    ObjectNode messages = c.putObject("messages");
    for (MessageType type : MessageType.values()) {
      MessageSpec spec = MessageSpec.of(type);
      if (spec.channel() == channel) {
        messages.putObject(spec.key()).put("$ref", "#/components/messages/" + spec.key());
      }
    }
  }

  private static void operation(
      ObjectNode operations, String key, String action, Channel channel, String summary) {
    ObjectNode o = operations.putObject(key);
    o.put("action", action);
    o.putObject("channel").put("$ref", "#/channels/" + channelKey(channel));
    o.put("summary", summary);
    ArrayNode refs = o.putArray("messages");
    for (MessageType type : MessageType.values()) {
      MessageSpec spec = MessageSpec.of(type);
      if (spec.channel() == channel) {
        refs.addObject()
            .put("$ref", "#/channels/" + channelKey(channel) + "/messages/" + spec.key());
      }
    }
  }

  private static ObjectNode message(MessageSpec spec) {
    ObjectNode m = JSON.objectNode();
    m.put("name", spec.type().name());
    m.put("title", spec.type().wireName());
    m.put("summary", spec.summary());
    m.put("contentType", CONTENT_TYPE);
    m.set("payload", schemaRef(MessageSchemas.messagePath(spec.type())));
    m.putObject("correlationId")
        .put("description", "the linkage (or symbol request) the message belongs to")
        .put("location", "$message.payload#/correlationid");
    ObjectNode kafka = m.putObject("bindings").putObject("kafka");
    kafka
        .putObject("key")
        .put("type", "string")
        .put(
            "description",
            "usually the correlation id, so the messages of one linkage stay in order");
    kafka.put("bindingVersion", "0.5.0");
    m.put("x-payload-record", spec.payload().getName());
    return m;
  }

  private static ObjectNode schemaRef(String path) {
    ObjectNode s = JSON.objectNode();
    s.put("schemaFormat", SCHEMA_FORMAT);
    s.putObject("schema").put("$ref", "./" + path);
    return s;
  }
}
