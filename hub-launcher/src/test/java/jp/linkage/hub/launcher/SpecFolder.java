package jp.linkage.hub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;

/**
 * A folder written by {@code hub specs}, read back as a consumer would: schemas are loaded by
 * networknt (an independent validator) from the files, with the placeholder {@code $id} host mapped
 * to the folder.
 */
final class SpecFolder {
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  final Path dir;
  private final JsonSchemaFactory factory;

  SpecFolder(Path dir) {
    this.dir = dir;
    this.factory =
        JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .schemaMappers(m -> m.mapPrefix(LayoutJsonSchema.BASE_URI, dir.toUri().toString()))
            .build();
  }

  /** Runs {@code hub specs --out <dir>} the way a user would. */
  static SpecFolder written(Path dir) {
    int code = new picocli.CommandLine(new HubCommand()).execute("specs", "--out", dir.toString());
    if (code != 0) {
      throw new AssertionError("hub specs exited with " + code);
    }
    return new SpecFolder(dir);
  }

  /** The schema in the file at {@code path}, referenced by its published {@code $id}. */
  JsonSchema schema(String path) {
    return factory.getSchema(SchemaLocation.of(LayoutJsonSchema.BASE_URI + path), CONFIG);
  }

  JsonNode json(String path) throws IOException {
    return new ObjectMapper().readTree(Files.readAllBytes(dir.resolve(path)));
  }
}
