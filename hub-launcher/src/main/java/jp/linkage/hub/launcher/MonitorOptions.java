package jp.linkage.hub.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import jp.linkage.hub.audit.monitor.MonitorRules;
import jp.linkage.hub.audit.monitor.ProvisionMonitor;
import jp.linkage.hub.audit.monitor.web.MonitorAccessLog;
import jp.linkage.hub.audit.monitor.web.MonitorUsers;
import jp.linkage.hub.audit.monitor.web.MonitorWeb;
import jp.linkage.hub.calendar.BusinessCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the PPC's monitoring pages listen and the thresholds of their rules (docs/monitoring.md).
 */
final class MonitorOptions {
  static final int DEFAULT_PORT = 8470;

  @Option(
      names = "--monitor-bind",
      defaultValue = "127.0.0.1",
      description =
          "Address of the monitoring pages (default ${DEFAULT-VALUE}); any other than a loopback address"
              + " needs --monitor-users.")
  String bind;

  @Option(
      names = "--monitor-users",
      paramLabel = "HTPASSWD",
      description =
          "Supervisors who may log in (HTTP Basic): an htpasswd file of bcrypt entries (htpasswd -B, or"
              + " hub monitor-user). Without it the pages have no login and listen on loopback only.")
  Path users;

  @Option(
      names = "--monitor-port",
      defaultValue = "" + DEFAULT_PORT,
      description = "Port of the monitoring pages (default ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(
      names = "--repeated-person",
      defaultValue = "" + MonitorRules.DEFAULT_REPEATED_PERSON_THRESHOLD,
      description =
          "Queries by one agency about one person and item in the viewed period that make a finding"
              + " (default ${DEFAULT-VALUE}).")
  int repeatedPerson;

  @Option(
      names = "--office-hours",
      defaultValue = MonitorRules.DEFAULT_FIRST_HOUR + "-" + MonitorRules.DEFAULT_END_HOUR,
      paramLabel = "FIRST-END",
      description =
          "Office hours in Asia/Tokyo, whole hours, end exclusive (default ${DEFAULT-VALUE}); queries outside"
              + " them or on closed days make a finding.")
  String officeHours;

  /** The rules as given; a {@link CommandLine.ParameterException} (exit 2) names the bad option. */
  MonitorRules rules(CommandLine commandLine) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,2})-(\\d{1,2})").matcher(officeHours.strip());
    if (!m.matches()) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--office-hours must look like 7-22 (first hour, end hour), was \"" + officeHours + "\"");
    }
    try {
      return new MonitorRules(
          repeatedPerson,
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          BusinessCalendar.japaneseGovernment());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          commandLine, "invalid monitoring rules: " + e.getMessage());
    }
  }

  /**
   * The supervisors from {@code --monitor-users}, or null; refuses open pages on a non-loopback
   * address.
   */
  MonitorUsers users(CommandLine commandLine) {
    if (users == null) {
      boolean loopback;
      try {
        loopback = InetAddress.getByName(bind).isLoopbackAddress();
      } catch (UnknownHostException e) {
        throw new CommandLine.ParameterException(
            commandLine, "--monitor-bind " + bind + " is not an address here");
      }
      if (!loopback) {
        throw new CommandLine.ParameterException(
            commandLine,
            "the monitoring pages would have no login on "
                + bind
                + ": give --monitor-users, or bind them to a loopback address");
      }
      return null;
    }
    try {
      return MonitorUsers.load(users, Clock.systemUTC());
    } catch (IOException | IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--monitor-users: " + e.getMessage());
    }
  }

  /**
   * @param core the core's database, read by the views (a read-only connection will do)
   * @param accessLog where the access log is written (the core's database, writable)
   */
  MonitorWeb start(CommandLine commandLine, DataSource core, DataSource accessLog)
      throws SQLException {
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(
          commandLine, "--monitor-port must be 0–65535, was " + port);
    }
    MonitorUsers supervisors = users(commandLine);
    return MonitorWeb.start(
        bind,
        port,
        new ProvisionMonitor(core, rules(commandLine), Clock.systemUTC()),
        Clock.systemUTC(),
        supervisors,
        new MonitorAccessLog(accessLog, Clock.systemUTC()));
  }
}
