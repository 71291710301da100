package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.UnknownLayoutException;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.batch.BatchFileHeader;
import jp.linkage.hub.server.batch.ReplicaFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub batch template}: the first two lines of a replica file for one layout edition. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Print the header lines of a replica file (item line and columns in the layout's field order).")
final class BatchTemplateCommand implements Callable<Integer> {
  @Option(
      names = "--item",
      required = true,
      description = "Information item, e.g. medical-insurance-eligibility.")
  String item;

  @Option(names = "--edition", required = true, description = "Layout edition, e.g. 2026-04.")
  String edition;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Layout layout;
    try {
      layout = LayoutCatalog.loadFromClasspath().layout(new ItemRef(item, edition));
    } catch (UnknownLayoutException
        | IllegalArgumentException e) { // unknown, or a blank --item or --edition
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    List<String> columns = new ArrayList<>(ReplicaFile.FIXED_COLUMNS);
    layout.fields().stream().map(LayoutField::code).forEach(columns::add);
    out.println(new BatchFileHeader(layout.ref()).line());
    out.println(String.join(",", columns));
    out.flush();
    return 0;
  }
}
