package jp.linkage.hub.iface.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecDocument;

/**
 * The generated schemas loaded into networknt's independent validator by their {@code $id}, as a
 * consumer who downloaded them would (no network: the placeholder host is served from memory).
 */
final class PublishedSchemas {
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final JsonSchemaFactory factory;

  PublishedSchemas(List<SpecDocument> docs) {
    Map<String, String> byId = new HashMap<>();
    for (SpecDocument doc : docs) {
      if (doc.content().has("$id")) {
        byId.put(doc.content().get("$id").asText(), doc.content().toString());
      }
    }
    factory =
        JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .schemaLoaders(loaders -> loaders.schemas(byId))
            .build();
  }

  /** The schema published at {@code path} below the specs folder. */
  JsonSchema at(String path) {
    return factory.getSchema(SchemaLocation.of(LayoutJsonSchema.BASE_URI + path), CONFIG);
  }

  Set<ValidationMessage> metaSchemaProblems(JsonNode schema) {
    return factory.getSchema(SchemaLocation.of(LayoutJsonSchema.DIALECT), CONFIG).validate(schema);
  }
}
