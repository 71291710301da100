package jp.linkage.hub.iface.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import jp.linkage.hub.iface.message.OptionalField;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecGenerationException;

/**
 * JSON Schema (draft 2020-12) of a payload record, by reflection, with the rules of {@link
 * jp.linkage.hub.iface.EnvelopeCodec#payload}: unknown fields are refused, a component marked
 * {@link OptionalField} may be absent or {@code null}, every other one must be present, non-null
 * and (for a string) not blank. A component of a type not mapped here stops generation, so a new
 * kind of field cannot be published wrongly.
 */
public final class RecordJsonSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RecordJsonSchema() {}

  /** The schema of {@code type} with this {@code $id} and title. */
  public static ObjectNode schema(
      Class<? extends Record> type, String id, String title, String description) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", LayoutJsonSchema.DIALECT);
    schema.put("$id", id);
    schema.put("title", title);
    schema.put("description", description + " Generated from " + type.getName() + "; do not edit.");
    schema.setAll(object(type));
    return schema;
  }

  /** The object schema of a record's components (nested records become nested objects). */
  private static ObjectNode object(Class<? extends Record> type) {
    ObjectNode schema = JSON.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      boolean optional = component.isAnnotationPresent(OptionalField.class);
      properties.set(component.getName(), property(type, component, optional));
      if (!optional) {
        required.add(component.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode property(Class<?> owner, RecordComponent component, boolean optional) {
    Class<?> type = component.getType();
    ObjectNode p = JSON.objectNode();
    if (type == String.class) {
      if (optional) {
        p.set("type", nullable("string"));
      } else {
        p.put("type", "string").put("minLength", 1).put("pattern", "\\S");
      }
    } else if (type.isEnum()) {
      p.set("type", optional ? nullable("string") : JSON.textNode("string"));
      ArrayNode values = p.putArray("enum");
      for (Object constant : type.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      if (optional) {
        values.addNull();
      }
    } else if (type == Instant.class) {
      p.set("type", optional ? nullable("string") : JSON.textNode("string"));
      p.put("format", "date-time");
    } else if (type == boolean.class || type == Boolean.class) {
      p.set("type", optional ? nullable("boolean") : JSON.textNode("boolean"));
    } else if (type == int.class
        || type == long.class
        || type == Integer.class
        || type == Long.class) {
      p.set("type", optional ? nullable("integer") : JSON.textNode("integer"));
    } else if (type.isRecord()) {
      p = object((Class<? extends Record>) type);
      if (optional) {
        p.set("type", nullable("object"));
      }
    } else if (type == java.util.List.class
        && component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord()) {
      p.set("type", optional ? nullable("array") : JSON.textNode("array"));
      p.set("items", object((Class<? extends Record>) element));
    } else if (JsonNode.class.isAssignableFrom(type)) {
      p.put("description", "any JSON value");
      if (!optional) {
        p.set("not", JSON.objectNode().put("type", "null"));
      }
    } else {
      throw new SpecGenerationException(
          owner.getName()
              + "."
              + component.getName()
              + ": type "
              + type.getName()
              + " has no JSON Schema mapping; add one to RecordJsonSchema");
    }
    return p;
  }

  private static ArrayNode nullable(String type) {
    return JSON.arrayNode().add(type).add("null");
  }
}
