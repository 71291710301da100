package jp.linkage.hub.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import jp.linkage.hub.audit.monitor.web.MonitorUsers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hub monitor-user NAME}: reads a password from standard input and prints the htpasswd line
 * (bcrypt, as {@code htpasswd -nB NAME} would) to add to the {@code --monitor-users} file.
 */
@Command(
    name = "monitor-user",
    mixinStandardHelpOptions = true,
    description =
        "Read a password from standard input and print NAME's line for the --monitor-users file (bcrypt).")
final class MonitorUserCommand implements Callable<Integer> {
  static final int MIN_PASSWORD = 12;

  @Parameters(
      paramLabel = "NAME",
      description = "The supervisor's login name (letters, digits, . _ -).")
  String name;

  @Spec CommandSpec spec;

  /** Where the password is read from; standard input unless a test sets it. */
  java.io.InputStream in = System.in;

  @Override
  public Integer call() throws IOException {
    CommandLine cli = spec.commandLine();
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new CommandLine.ParameterException(
          cli, "NAME must be 1–64 letters, digits, '.', '_' or '-', was \"" + name + "\"");
    }
    String password;
    java.io.Console console = in == System.in ? System.console() : null;
    if (console != null) {
      char[] typed = console.readPassword("Password for %s: ", name);
      password = typed == null ? null : new String(typed);
    } else {
      password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new CommandLine.ParameterException(
          cli, "the password must be at least " + MIN_PASSWORD + " characters");
    }
    cli.getOut().println(MonitorUsers.entry(name, password.toCharArray()));
    cli.getOut().flush();
    return 0;
  }
}
