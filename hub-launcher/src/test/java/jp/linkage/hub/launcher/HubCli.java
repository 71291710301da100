package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code hub} command line in-process and keeps what it printed, for command tests. */
final class HubCli {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = new CommandLine(new HubCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** Forgets what was printed so far, to check the next run's output alone. */
  void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
