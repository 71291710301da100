package jp.linkage.hub.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jp.linkage.hub.iface.spec.InterfaceSpecs;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.SpecDocument;
import jp.linkage.hub.layout.spec.SpecFiles;
import jp.linkage.hub.server.api.AnswerDocument;

/**
 * 公開仕様 (published specifications): every file generated from the layout files and the message
 * records, written below one folder ({@code asyncapi.yaml} at the root, schemas under {@code
 * schemas/}).
 */
final class PublishedSpecs {
  private PublishedSpecs() {}

  /** The specs of the layouts on the class path and of this build's messages. */
  static List<SpecDocument> all() {
    return InterfaceSpecs.all(LayoutCatalog.loadFromClasspath(), AnswerDocument.class);
  }

  /** Writes {@link #all()} below {@code dir} (created if missing); returns the files written. */
  static List<Path> write(Path dir) throws IOException {
    return SpecFiles.write(all(), dir);
  }
}
