package net.fsgateway.loadtest;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one k6 script of src/test/k6 under the Node shim and returns its summary and exit code. */
final class K6Shim {
  static final Path SCRIPTS = Path.of("src", "test", "k6").toAbsolutePath();

  private K6Shim() {
  }

  /** Why the shim cannot run here, or null: it needs Node 20.6+ (module.register). */
  static String unavailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(30, TimeUnit.SECONDS);
      String[] parts = version.replace("v", "").split("\\.");
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      return major > 20 || (major == 20 && minor >= 6) ? null : "node " + version + " is older than 20.6: k6 scripts not run";
    } catch (IOException | RuntimeException e) {
      return "node is not installed: the k6 scripts are not run under the shim";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  record Run(int exitCode, JsonObject summary, String output) {
    /** How many requests each method tag got. */
    Map<String, Integer> requestsByMethod() {
      Map<String, Integer> counts = new HashMap<>();
      summary.getJsonArray("requests").forEach(r -> counts.merge(((JsonObject) r).getString("tag"), 1, Integer::sum));
      return counts;
    }
  }

  static Run run(String script, Map<String, String> env) throws IOException, InterruptedException {
    Path summaryFile = Files.createTempFile("k6-shim-", ".json");
    try {
      ProcessBuilder builder = new ProcessBuilder(List.of("node", "--import", SCRIPTS.resolve("shim/register.mjs").toUri().toString(),
          SCRIPTS.resolve("shim/run.mjs").toString(), script))
          .directory(SCRIPTS.toFile()).redirectErrorStream(true);
      builder.environment().putAll(env);
      builder.environment().put("SHIM_SUMMARY", summaryFile.toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " did not finish in 180 s: " + output);
      }
      String json = Files.readString(summaryFile, StandardCharsets.UTF_8);
      if (json.isBlank()) {
        throw new IllegalStateException(script + " wrote no summary (exit " + process.exitValue() + "): " + output);
      }
      return new Run(process.exitValue(), new JsonObject(json), output);
    } finally {
      Files.deleteIfExists(summaryFile);
    }
  }
}
