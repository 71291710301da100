package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutChange;
import jp.linkage.hub.layout.LayoutCompatibility;
import jp.linkage.hub.layout.UnknownLayoutException;
import jp.linkage.hub.layout.api.ItemRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hub layout-diff}: every change between two editions (版) of one item's data standard
 * layout, each classified for providers and for queriers by {@link LayoutCompatibility} (the
 * README's rules).
 */
@Command(
    name = "layout-diff",
    mixinStandardHelpOptions = true,
    description = {
      "List every change between two editions of an item's data standard layout, one per line:"
          + " verdict-for-providers<TAB>verdict-for-queriers<TAB>kind<TAB>change; then a summary line.",
      "Providers still on --from break if their documents fail the --to edition; queriers still on --from"
          + " break if they cannot understand documents of the --to edition (data-layout-schemas/README.md).",
      "Exit 2 on an unknown item or edition; with --fail-on-breaking, exit 1 if any change is breaking."
    })
final class LayoutDiffCommand implements Callable<Integer> {
  @Option(
      names = "--item",
      required = true,
      paramLabel = "ITEM",
      description = "Item code, e.g. local-tax-info.")
  String item;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "EDITION",
      description = "Older edition, e.g. 2017-07.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "EDITION",
      description = "Newer edition, e.g. 2026-04.")
  String to;

  @Option(
      names = "--fail-on-breaking",
      description = "Exit 1 if a change breaks providers or queriers.")
  boolean failOnBreaking;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LayoutCatalog catalog = LayoutCatalog.loadFromClasspath();
    Layout older;
    Layout newer;
    try {
      older = catalog.layout(new ItemRef(item, from));
      newer = catalog.layout(new ItemRef(item, to));
    } catch (UnknownLayoutException | IllegalArgumentException e) { // unknown, or a blank option
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<LayoutChange> changes = LayoutCompatibility.changes(older, newer);
    PrintWriter out = spec.commandLine().getOut();
    out.print(item + " " + newer.nameJa() + ": edition " + from + " → " + to + "\n");
    for (LayoutChange c : changes) {
      out.print(
          c.forProviders() + "\t" + c.forQueriers() + "\t" + c.kind() + "\t" + c.describe() + "\n");
    }
    long breaking = changes.stream().filter(c -> c.kind().breaking()).count();
    out.print(
        "providers: "
            + LayoutCompatibility.forProviders(changes)
            + ", queriers: "
            + LayoutCompatibility.forQueriers(changes)
            + " ("
            + changes.size()
            + " changes, "
            + breaking
            + " breaking)\n");
    out.flush();
    return failOnBreaking && breaking > 0 ? 1 : 0;
  }
}
