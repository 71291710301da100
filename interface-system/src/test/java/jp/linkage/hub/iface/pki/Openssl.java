package jp.linkage.hub.iface.pki;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stock {@code openssl} command in a folder: the independent check of what the PKI writes.
 */
final class Openssl {
  private Openssl() {}

  record Result(int exitCode, String output) {}

  static boolean onPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, "openssl").canExecute()) {
        return true;
      }
    }
    return false;
  }

  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("openssl " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** A P-256 key and a request for {@code subject} (openssl's {@code /O=../CN=..} form). */
  static void keyAndRequest(Path dir, String name, String subject)
      throws IOException, InterruptedException {
    Result r =
        run(
            dir,
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            name + ".key",
            "-out",
            name + ".csr",
            "-subj",
            subject);
    if (r.exitCode() != 0) {
      throw new IOException("openssl req failed: " + r.output());
    }
  }
}
