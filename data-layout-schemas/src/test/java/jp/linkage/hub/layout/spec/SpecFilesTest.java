package jp.linkage.hub.layout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files are written where their path says, as YAML or indented JSON by the path's ending. */
class SpecFilesTest {
  @Test
  void yamlPathsAreWrittenAsYamlAndTheRestAsIndentedJsonInFoldersCreatedOnTheWay(@TempDir Path dir)
      throws Exception {
    ObjectNode doc =
        JsonNodeFactory.instance.objectNode().put("title", "地方税関係情報: tax").put("count", 1);
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(
        dir.resolve("schemas/a.json"), "an earlier run's file, longer than the new content");

    List<Path> written =
        SpecFiles.write(
            List.of(
                new SpecDocument("api.yaml", doc),
                new SpecDocument("schemas/a.json", doc),
                new SpecDocument("schemas/deep/b.json", doc)),
            dir);

    assertEquals(
        List.of(
            dir.resolve("api.yaml"),
            dir.resolve("schemas/a.json"),
            dir.resolve("schemas/deep/b.json")),
        written);
    assertEquals("title: \"地方税関係情報: tax\"\ncount: 1\n", Files.readString(dir.resolve("api.yaml")));
    assertEquals(
        "{\n  \"title\" : \"地方税関係情報: tax\",\n  \"count\" : 1\n}",
        Files.readString(dir.resolve("schemas/a.json")));
    assertEquals(
        Files.readString(dir.resolve("schemas/a.json")),
        Files.readString(dir.resolve("schemas/deep/b.json")));
  }
}
