package jp.linkage.hub.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.catalogue.CatalogueException;
import jp.linkage.hub.layout.catalogue.CatalogueSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hub catalogue}: writes the searchable layout catalogue (レイアウト目録), a static HTML site to
 * open from disk. The build runs it too, into {@code hub-launcher/target/catalogue/}.
 */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description =
        "Write the layout catalogue: a static HTML site listing every item, edition, field, code list"
            + " and permission row, with a search that works offline (open index.html in a browser).")
public final class CatalogueCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      defaultValue = "catalogue",
      description = "Target folder (default ${DEFAULT-VALUE}); created if missing.")
  Path out;

  /**
   * Entry point for the build (exec-maven-plugin runs it inside Maven's JVM, so it must not exit).
   */
  public static void main(String[] args) {
    int code = new CommandLine(new CatalogueCommand()).execute(args);
    if (code != 0) {
      throw new CatalogueException("hub catalogue failed with exit code " + code);
    }
  }

  @Override
  public Integer call() {
    List<Path> files =
        CatalogueSite.write(
            LayoutCatalog.loadFromClasspath(),
            PermissionUses.of(PermissionTable.loadFromClasspath()),
            out);
    System.out.println(
        "Wrote the layout catalogue ("
            + files.size()
            + " files) to "
            + out.toAbsolutePath().normalize()
            + "; open "
            + out.resolve("index.html").toAbsolutePath().normalize().toUri());
    return 0;
  }
}
