package jp.linkage.hub.launcher;

import java.time.Clock;
import jp.linkage.hub.infra.testing.SharedInfrastructure;

/** One hub and one demo run shared by every IT of this module (one broker, one database). */
final class DemoRun {
  private static Hub hub;
  private static DemoReport report;

  private DemoRun() {}

  static synchronized Hub hub() throws Exception {
    if (hub == null) {
      hub = Hub.start(SharedInfrastructure.get(), 12, Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(hub::close));
    }
    return hub;
  }

  static synchronized DemoReport report() throws Exception {
    if (report == null) {
      report = new DemoScenario(hub()).run();
    }
    return report;
  }
}
