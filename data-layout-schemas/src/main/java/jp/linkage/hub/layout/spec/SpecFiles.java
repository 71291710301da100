package jp.linkage.hub.layout.spec;

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

/**
 * Writes published specification files ({@link SpecDocument}) below a folder: YAML when the path
 * ends in {@code .yaml} (the AsyncAPI documents), indented JSON otherwise. {@code hub specs} and
 * the layout catalogue write their schemas through here, so the two cannot differ.
 */
public final class SpecFiles {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private SpecFiles() {}

  /**
   * Writes {@code docs} below {@code dir} (folders created if missing, files of an earlier run
   * overwritten); returns the files written, in the order of {@code docs}.
   */
  public static List<Path> write(List<SpecDocument> docs, Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    for (SpecDocument doc : docs) {
      Path file = dir.resolve(doc.path());
      Files.createDirectories(file.getParent());
      ObjectMapper mapper = doc.path().endsWith(".yaml") ? YAML : JSON;
      Files.write(file, mapper.writeValueAsBytes(doc.content()));
      written.add(file);
    }
    return written;
  }
}
