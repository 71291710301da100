package jp.linkage.hub.layout.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecFiles;

/**
 * レイアウト目録 (the layout catalogue) as a static site in one folder: {@code index.html} with the
 * search, {@code items/<item>.html} per item, {@code assets/} (style, search script, prebuilt
 * index) and {@code schemas/layouts/<item>/<edition>.json}, the JSON Schemas the item pages link
 * to. Open {@code index.html} from disk: nothing is fetched from anywhere else.
 */
public final class CatalogueSite {
  private static final String RESOURCES = "/jp/linkage/hub/layout/catalogue/";

  private CatalogueSite() {}

  /**
   * Writes the catalogue of {@code layouts} and of the permission rows in {@code uses} below {@code
   * dir} (created if missing; files of an earlier run are overwritten); returns the files written.
   */
  public static List<Path> write(LayoutCatalog layouts, ItemUses uses, Path dir) {
    List<ItemUses.Table> tables = new ArrayList<>(uses.tables());
    tables.sort(Comparator.comparing(ItemUses.Table::validFrom).reversed());
    List<ItemEntry> items = items(layouts, tables);
    RowCells cells = new RowCells(uses.columns());
    List<Path> written = new ArrayList<>();
    write(dir, "index.html", IndexPage.render(items, tables), written);
    for (ItemEntry item : items) {
      write(dir, Links.itemPage(item.item()), ItemPage.render(item, tables, cells), written);
    }
    write(dir, "assets/search-index.js", SearchIndex.script(items), written);
    write(dir, "assets/search.js", resource("search.js"), written);
    write(dir, "assets/catalogue.css", resource("catalogue.css"), written);
    try {
      written.addAll(SpecFiles.write(LayoutJsonSchema.all(layouts), dir));
    } catch (IOException e) {
      throw new CatalogueException("cannot write the layout schemas below " + dir, e);
    }
    return written;
  }

  /** Items with a layout in index order, then items only the permission table names, by code. */
  static List<ItemEntry> items(LayoutCatalog layouts, List<ItemUses.Table> tablesNewestFirst) {
    Set<String> codes = new LinkedHashSet<>(layouts.items());
    tablesNewestFirst.stream()
        .flatMap(t -> t.rows().stream())
        .map(ItemUses.Row::item)
        .sorted()
        .forEach(codes::add);
    List<ItemEntry> items = new ArrayList<>();
    for (String code : codes) {
      List<ItemEntry.Use> uses = new ArrayList<>();
      for (ItemUses.Table t : tablesNewestFirst) {
        t.rows().stream()
            .filter(r -> r.item().equals(code))
            .forEach(r -> uses.add(new ItemEntry.Use(t, r)));
      }
      items.add(new ItemEntry(code, layouts.editions(code), uses));
    }
    return items;
  }

  private static void write(Path dir, String relative, String content, List<Path> written) {
    Path file = dir.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogueException("cannot write " + file, e);
    }
    written.add(file);
  }

  private static String resource(String name) {
    try (InputStream in = CatalogueSite.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new CatalogueException(
            "resource " + RESOURCES + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogueException("cannot read resource " + RESOURCES + name, e);
    }
  }
}
