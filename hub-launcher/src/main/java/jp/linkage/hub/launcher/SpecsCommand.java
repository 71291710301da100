package jp.linkage.hub.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.layout.spec.SpecGenerationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hub specs}: writes the published, machine-readable specifications (JSON Schema per layout
 * edition, envelope and payload schemas, AsyncAPI document) into a folder. The build runs it too,
 * into {@code hub-launcher/target/specs/}.
 */
@Command(
    name = "specs",
    mixinStandardHelpOptions = true,
    description =
        "Write the JSON Schemas (layouts, envelope, payloads, answer document) and the AsyncAPI"
            + " document into a folder.")
public final class SpecsCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      defaultValue = "specs",
      description = "Target folder (default ${DEFAULT-VALUE}); created if missing.")
  Path out;

  /**
   * Entry point for the build (exec-maven-plugin runs it inside Maven's JVM, so it must not exit).
   */
  public static void main(String[] args) {
    int code = new CommandLine(new SpecsCommand()).execute(args);
    if (code != 0) {
      throw new SpecGenerationException("hub specs failed with exit code " + code);
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Path> files = PublishedSpecs.write(out);
    System.out.println(
        "Wrote "
            + files.size()
            + " specification files to "
            + out.toAbsolutePath().normalize()
            + " (entry point: asyncapi.yaml)");
    return 0;
  }
}
