package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.audit.verify.EveryChain;
import jp.linkage.hub.chain.ChainVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hub audit verify}: recomputes every hash chain, the core's provision-records chain, the
 * monitoring pages' access log (ppc-access) and every agency's access-log chain, from genesis to
 * head.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Verify every hash chain: the core's provision records, the monitoring pages' access log and"
            + " each agency's access log."
            + " Exit 1 if any chain is broken.")
final class AuditVerifyCommand implements Callable<Integer> {
  @Mixin AuditSource source;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    boolean intact = true;
    try (AuditDatabases dbs = source.open()) {
      EveryChain chains =
          new EveryChain(dbs.readOnly(source.coreDb), dbs.readOnly(source.serverDb));
      out.println(dbs.url(source.coreDb) + ":");
      intact &= print(out, chains.inCore());
      out.println(dbs.url(source.serverDb) + ":");
      intact &= print(out, chains.inServer());
    }
    out.println(
        intact ? "INTACT: every chain verifies from genesis to head." : "BROKEN: see above.");
    out.flush();
    return intact ? 0 : 1;
  }

  private static boolean print(PrintWriter out, List<ChainVerifier.Result> results) {
    if (results.isEmpty()) {
      out.println("  (no chains)");
    }
    results.forEach(r -> out.println("  " + EveryChain.describe(r)));
    return results.stream().allMatch(ChainVerifier.Result::intact);
  }
}
