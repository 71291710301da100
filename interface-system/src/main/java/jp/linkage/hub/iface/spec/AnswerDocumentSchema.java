package jp.linkage.hub.iface.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecGenerationException;

/**
 * Schema of the answer document (回答文書): the plaintext inside a PROVIDED answer's sealed CMS
 * payload. Generated from the record the intermediate server seals (passed in, as it lives in a
 * module above this one) plus one branch per layout edition binding {@code item} and {@code
 * edition} to the layout schema that {@code data} must meet.
 */
public final class AnswerDocumentSchema {
  /** Path below the specs folder. */
  public static final String PATH = "schemas/answer-document.json";

  private AnswerDocumentSchema() {}

  /**
   * @param type the answer record, with components {@code item}, {@code edition} and {@code data}
   */
  public static ObjectNode schema(Class<? extends Record> type, LayoutCatalog catalog) {
    Set<String> names =
        Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    if (!names.containsAll(List.of("item", "edition", "data"))) {
      throw new SpecGenerationException(
          type.getName() + " needs components item, edition and data, has " + names);
    }
    ObjectNode schema =
        RecordJsonSchema.schema(
            type,
            LayoutJsonSchema.BASE_URI + PATH,
            "回答文書 (answer document)",
            "The plaintext a provider signs and encrypts for the querier: the replica"
                + " record of one person (data, meeting the layout of item and edition) and how fresh it is (asOf,"
                + " masterChangedAt).");
    ArrayNode branches = schema.putArray("anyOf");
    for (String item : catalog.items()) {
      for (Layout layout : catalog.editions(item)) {
        ObjectNode p = branches.addObject().putObject("properties");
        p.putObject("item").put("const", layout.item());
        p.putObject("edition").put("const", layout.edition());
        p.putObject("data").put("$ref", LayoutJsonSchema.id(layout.ref()));
      }
    }
    return schema;
  }
}
