package jp.linkage.hub.layout.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * networknt's JSON Schema validator, with format assertion on (so {@code format: date} is checked).
 */
final class IndependentValidator {
  static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private IndependentValidator() {}

  static JsonSchema schema(JsonNode schema) {
    return FACTORY.getSchema(schema, CONFIG);
  }

  /** Problems found when checking {@code schema} itself against the draft 2020-12 meta-schema. */
  static Set<ValidationMessage> metaSchemaProblems(JsonNode schema) {
    return FACTORY.getSchema(SchemaLocation.of(LayoutJsonSchema.DIALECT), CONFIG).validate(schema);
  }
}
