package jp.linkage.hub.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * Two editions side by side during a transition (移行期間): a provider holds its replica in one
 * edition, a querier asks for another. The document is projected onto the requested edition (the
 * fields that edition does not define are dropped) and used only if it then meets that edition
 * entirely: a field the requested edition requires but the source lacks, or a code value the
 * requested edition does not list, means no projection, and the provider answers in its own edition
 * (every answer names the edition it is in).
 */
public final class EditionProjection {

  private final LayoutCatalog catalog;
  private final LayoutValidator validator;

  public EditionProjection(LayoutCatalog catalog) {
    this.catalog = catalog;
    this.validator = new LayoutValidator(catalog);
  }

  /**
   * {@code document} (valid in the layout {@code from}) as a document of the same item's edition
   * {@code to}, if it can be one without inventing or changing a value; empty otherwise or if
   * either edition is unknown.
   */
  public Optional<JsonNode> project(ItemRef from, String to, JsonNode document) {
    if (from.edition().equals(to)) {
      return Optional.of(document);
    }
    if (to.isBlank() || !document.isObject()) {
      return Optional.empty();
    }
    ItemRef target = new ItemRef(from.code(), to);
    Optional<Layout> layout = catalog.find(target);
    if (layout.isEmpty() || catalog.find(from).isEmpty()) {
      return Optional.empty();
    }
    ObjectNode projected = ((ObjectNode) document).deepCopy();
    projected.retain(layout.get().fields().stream().map(LayoutField::code).toList());
    return validator.validate(target, projected).isEmpty()
        ? Optional.of(projected)
        : Optional.empty();
  }
}
