package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.core.permission.CoverageCheck;
import jp.linkage.hub.core.permission.CoverageFinding;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableFormatException;
import jp.linkage.hub.core.permission.PermissionTableLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hub coverage}: the coverage check (網羅性検査) of a permission table against the data standard
 * layouts and what each provider type can supply, so that a gap like the 2017 audit's case 4 is
 * found before go-live, not by the agencies on the day.
 */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Check every row of the permission table: the layout editions in force while the row is usable"
          + " must define every field the row needs, the item must have a layout, and the provider type must be able"
          + " to supply the fields the row needs and the edition requires.",
      "Prints one finding per line: table-version<TAB>row<TAB>item<TAB>edition<TAB>field<TAB>rule<TAB>message;"
          + " then a summary line. Exit 0 if covered, 1 on findings, 2 if the table cannot be read."
    })
final class CoverageCommand implements Callable<Integer> {
  @Option(
      names = "--table",
      paramLabel = "DIR",
      description =
          "Folder with index.json and version files, e.g. a draft table (default: the shipped table).")
  Path table;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PermissionTable permissions;
    try {
      permissions =
          table == null
              ? PermissionTable.loadFromClasspath()
              : PermissionTableLoader.fromDirectory(table);
    } catch (PermissionTableFormatException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<CoverageFinding> findings = CoverageCheck.shipped().check(permissions);
    PrintWriter out = spec.commandLine().getOut();
    findings.forEach(f -> out.print(f.line() + "\n"));
    int rows = permissions.versions().stream().mapToInt(v -> v.rows().size()).sum();
    out.print(
        (findings.isEmpty() ? "covered" : findings.size() + " findings")
            + ": "
            + rows
            + " rows in "
            + permissions.versions().size()
            + " table versions checked against the layouts and provider supply\n");
    out.flush();
    return findings.isEmpty() ? 0 : 1;
  }
}
