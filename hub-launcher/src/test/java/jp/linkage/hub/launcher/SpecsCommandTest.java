package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.registry.SyntheticPopulation;
import jp.linkage.hub.server.api.AnswerDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code hub specs} writes the published specifications; read back from the files with independent
 * libraries (SnakeYAML for the AsyncAPI document, networknt for the schemas) they are complete and
 * the demo's real documents meet them.
 */
class SpecsCommandTest {
  @TempDir static Path out;
  private static SpecFolder specs;
  private static JsonNode asyncApi;

  @BeforeAll
  static void writeSpecs() throws Exception {
    specs = SpecFolder.written(out);
    Object yaml = new Yaml().load(Files.readString(out.resolve("asyncapi.yaml")));
    asyncApi = new ObjectMapper().valueToTree(yaml);
  }

  @Test
  void everyGeneratedFileIsWritten() throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(PublishedSpecs.all().size(), files.filter(Files::isRegularFile).count());
    }
    LayoutCatalog catalog = LayoutCatalog.loadFromClasspath();
    for (String item : catalog.items()) {
      catalog
          .editions(item)
          .forEach(l -> assertTrue(Files.exists(out.resolve(LayoutJsonSchema.path(l.ref())))));
    }
  }

  @Test
  void asyncApiDescribesEveryMessageTypeWithAPayloadSchemaThatResolves() throws Exception {
    assertEquals("3.0.0", asyncApi.get("asyncapi").asText());
    JsonNode messages = asyncApi.at("/components/messages");
    for (MessageType type : MessageType.values()) {
      JsonNode message = find(messages, type.name());
      assertEquals(
          "application/cloudevents+json", message.get("contentType").asText(), type.name());
      String ref = message.at("/payload/schema/$ref").asText();
      assertTrue(ref.startsWith("./"), ref);
      String path = ref.substring(2);
      JsonNode schema = specs.json(path);
      assertEquals(LayoutJsonSchema.BASE_URI + path, schema.get("$id").asText());
      assertEquals(type.wireName(), schema.at("/properties/type/const").asText());
      Path payload =
          out.resolve(path)
              .getParent()
              .resolve(schema.at("/properties/data/$ref").asText())
              .normalize();
      assertTrue(Files.isRegularFile(payload), payload.toString());
      specs
          .schema(path)
          .initializeValidators(); // every $ref of the schema resolves to a published file
    }
    assertEquals(MessageType.values().length, messages.size());
  }

  private static JsonNode find(JsonNode messages, String name) {
    for (JsonNode m : messages) {
      if (m.path("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no message named " + name + " in the AsyncAPI document");
  }

  @Test
  void everyRefInTheAsyncApiDocumentResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(asyncApi, refs);
    assertTrue(refs.size() > 30, "refs " + refs.size());
    for (String ref : refs) {
      if (ref.startsWith("#")) {
        assertFalse(asyncApi.at(ref.substring(1)).isMissingNode(), ref);
      } else {
        assertTrue(Files.isRegularFile(out.resolve(ref)), ref);
      }
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  @Test
  void channelsAreTheTopicsOfTheInterfaceSystem() {
    Set<String> addresses = new java.util.HashSet<>();
    asyncApi.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
    assertEquals(
        Set.of("ipn.{agency}.to-hub", "ipn.{agency}.from-hub", "ipn.registry.to-hub"), addresses);
    assertEquals("send", asyncApi.at("/operations/agencySendsToHub/action").asText());
    assertEquals("receive", asyncApi.at("/operations/agencyReceivesFromHub/action").asText());
    assertTrue(asyncApi.at("/channels/agencyToHub/parameters/agency").isObject());
  }

  @Test
  void theDemosDocumentsMeetThePublishedLayoutSchemasAndTheValidatorAgrees() {
    LayoutValidator validator = new LayoutValidator(LayoutCatalog.loadFromClasspath());
    List<Person> people = SyntheticPopulation.generate(20260401L, 40);
    String edition = DemoPeople.EDITION;
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      Map<String, ObjectNode> docs =
          Map.of(
              "resident-registry-info",
              DemoPeople.residentRecord(p),
              "local-tax-info",
              DemoPeople.localTax(i, p),
              "medical-insurance-eligibility",
              DemoPeople.eligibility(i));
      docs.forEach(
          (item, doc) -> {
            ItemRef ref = new ItemRef(item, edition);
            assertEquals(
                Set.of(), specs.schema(LayoutJsonSchema.path(ref)).validate(doc), item + " " + doc);
            assertEquals(List.of(), validator.validate(ref, doc));
          });
    }
    ObjectNode broken = DemoPeople.residentRecord(people.get(0)).put("sex", "9");
    ItemRef resident = new ItemRef("resident-registry-info", edition);
    assertFalse(specs.schema(LayoutJsonSchema.path(resident)).validate(broken).isEmpty());
    assertFalse(validator.validate(resident, broken).isEmpty());
  }

  @Test
  void anAnswerDocumentAsTheProviderSealsItMeetsItsSchema() {
    ObjectMapper serverJson =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    Person p = SyntheticPopulation.generate(7L, 1).get(0);
    AnswerDocument answer =
        new AnswerDocument(
            "4c8e2f3a-0000-4000-8000-000000000001",
            "nenkin",
            "local-tax-info",
            DemoPeople.EDITION,
            Instant.parse("2026-04-02T01:00:00Z"),
            Instant.parse("2026-04-01T09:30:00Z"),
            new AnswerDocument.Freshness(
                AnswerDocument.Status.CHANGE_PENDING,
                Instant.parse("2026-07-01T15:00:00Z"),
                new AnswerDocument.PendingChange(
                    Instant.parse("2026-04-03T00:00:00Z"),
                    Instant.parse("2026-04-03T00:05:00Z"),
                    null)),
            DemoPeople.localTax(0, p));
    JsonNode doc = serverJson.valueToTree(answer);
    assertEquals(Set.of(), specs.schema("schemas/answer-document.json").validate(doc));
    ((ObjectNode) doc).put("edition", "1999-01");
    assertFalse(
        specs.schema("schemas/answer-document.json").validate(doc).isEmpty(),
        "no such edition of the item");
  }
}
