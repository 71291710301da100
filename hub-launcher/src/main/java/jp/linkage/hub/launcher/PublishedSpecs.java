package jp.linkage.hub.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.iface.spec.InterfaceSpecs;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.SpecDocument;
import jp.linkage.hub.server.api.AnswerDocument;

/**
 * 公開仕様 (published specifications): every file generated from the layout files and the message
 * records, written below one folder ({@code asyncapi.yaml} at the root, schemas under {@code schemas/}).
 */
final class PublishedSpecs {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

  private PublishedSpecs() {}

  /** The specs of the layouts on the class path and of this build's messages. */
  static List<SpecDocument> all() {
    return InterfaceSpecs.all(LayoutCatalog.loadFromClasspath(), AnswerDocument.class);
  }

  /** Writes {@link #all()} below {@code dir} (created if missing); returns the files written. */
  static List<Path> write(Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    for (SpecDocument doc : all()) {
      Path file = dir.resolve(doc.path());
      Files.createDirectories(file.getParent());
      ObjectMapper mapper = doc.path().endsWith(".yaml") ? YAML : JSON;
      Files.write(file, mapper.writeValueAsBytes(doc.content()));
      written.add(file);
    }
    return written;
  }
}
