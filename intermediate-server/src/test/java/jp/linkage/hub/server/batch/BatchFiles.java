package jp.linkage.hub.server.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;

/** Test helpers: the real layouts and files written from text lines. */
final class BatchFiles {
  static final LayoutValidator LAYOUTS = new LayoutValidator(LayoutCatalog.loadFromClasspath());

  private BatchFiles() {}

  static Path write(Path dir, String name, String... lines) throws IOException {
    return Files.writeString(
        dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
