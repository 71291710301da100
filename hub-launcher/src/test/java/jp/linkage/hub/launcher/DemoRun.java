package jp.linkage.hub.launcher;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.testing.SharedInfrastructure;

/** One hub and one demo run shared by every IT of this module (one broker, one database). */
final class DemoRun {
  /**
   * A small bulk window, so a bulk of a few thousand is paced by it (interactive queries are not).
   */
  static final int BULK_WINDOW = 20;

  /** The shared hub's intermediate-server metrics. */
  static final PrometheusMeterRegistry METERS =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private static Hub hub;
  private static DemoReport report;

  private DemoRun() {}

  static synchronized Hub hub() throws Exception {
    if (hub == null) {
      hub =
          Hub.start(
              SharedInfrastructure.get(),
              DevSecrets.fromEnvironment(System.getenv()),
              12,
              Clock.systemUTC(),
              BulkSettings.defaults().withWindow(BULK_WINDOW).withMeters(METERS));
      Runtime.getRuntime().addShutdownHook(new Thread(hub::close));
    }
    return hub;
  }

  /**
   * The My Numbers and resident record codes of the demo's persons: what must never leave the
   * registry.
   */
  static List<String> personalNumbers(Hub hub) {
    List<String> numbers = new ArrayList<>();
    for (Person p : hub.registry().persons()) {
      numbers.add(p.myNumber().digits());
      numbers.add(p.residentRecordCode().digits());
    }
    return numbers;
  }

  static synchronized DemoReport report() throws Exception {
    if (report == null) {
      report = new DemoScenario(hub()).run();
    }
    return report;
  }
}
