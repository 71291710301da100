package jp.linkage.hub.launcher;

import java.nio.file.Path;
import java.util.Map;
import jp.linkage.hub.infra.InfraSetting;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --secrets-dir} for commands that run one component as its own process: such processes must
 * share keys with each other and with their own restarts, so random keys are refused.
 */
final class SecretsOption {
  @Option(
      names = "--secrets-dir",
      paramLabel = "DIR",
      description =
          "Development keys and PKI shared by the hub's processes (default: $HUB_DATA_DIR/"
              + DevSecrets.DIRECTORY
              + ").")
  Path dir;

  /** The persisted secrets, or a usage error when neither the option nor HUB_DATA_DIR is set. */
  DevSecrets require(CommandLine command, Map<String, String> env) {
    if (dir != null) {
      return DevSecrets.in(dir);
    }
    DevSecrets secrets = DevSecrets.fromEnvironment(env);
    if (secrets.directory().isEmpty()) {
      throw new CommandLine.ParameterException(
          command,
          "set "
              + InfraSetting.HUB_DATA_DIR.variable()
              + " or --secrets-dir: a process of its own must keep its keys across restarts");
    }
    return secrets;
  }
}
