package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jp.linkage.hub.layout.LayoutCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hub catalogue --out <dir>} writes the whole site; a bad folder is an error, not a stack
 * trace.
 */
class CatalogueCommandTest {
  @Test
  void writesTheSiteIntoTheFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("nested/catalogue");
    int code = new CommandLine(new HubCommand()).execute("catalogue", "--out", out.toString());
    assertEquals(0, code);
    assertTrue(Files.readString(out.resolve("index.html")).contains("id=\"q\""));
    try (Stream<Path> pages = Files.list(out.resolve("items"))) {
      assertTrue(pages.count() >= LayoutCatalog.loadFromClasspath().items().size());
    }
    assertTrue(Files.isRegularFile(out.resolve("assets/search-index.js")));
  }

  @Test
  void aFolderThatCannotBeCreatedFailsWithExitCodeOne(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("occupied"), "a file, not a folder");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new HubCommand());
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("catalogue", "--out", file.toString()));
    assertTrue(err.toString().contains("cannot write"), err.toString());
  }
}
