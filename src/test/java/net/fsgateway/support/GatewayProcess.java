package net.fsgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.FreePorts;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/**
 * The gateway in a JVM of its own, started as an operator runs it ({@code GatewayMain serve} on the test class path,
 * {@code conf/gateway.json}, settings only from {@code GW_*} variables: inherited ones are dropped), in a temporary
 * directory that holds its output ({@code gateway.log}) and its data. By default on the test PostgreSQL database and
 * Redis; {@link Builder#embedded()} leaves both unset, so it starts its embedded ones. The management listener takes
 * any free port (other tests run beside); its number is read from the log. Tests signal it as the platform would
 * (SIGTERM, SIGKILL, a signal to its whole process group) and read its exit status and log. {@link #close()} leaves
 * nothing running and removes the directory.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** The management listener's line, also as {@code log.format=json} writes it ({@code http:\/\/}). */
  private static final Pattern MANAGEMENT =
      Pattern.compile("management: health and metrics on http:(?:\\\\?/){2}[^:]+:(\\d+)");

  private final Process process;
  private final int port;
  private final Path dir;
  private final boolean embedded;
  private final XmlRpcClient client;
  private volatile int managementPort = -1;

  private GatewayProcess(Process process, int port, Path dir, boolean embedded) {
    this.process = process;
    this.port = port;
    this.dir = dir;
    this.embedded = embedded;
    this.client = client(port);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Waits until {@code /health/ready} answers 200; if it does not (or the process exits), kills it and fails. */
  public GatewayProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (readiness() != 200) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          String why = (process.isAlive() ? "not ready in " + timeout.toSeconds() + " s" : "exited with "
              + process.exitValue()) + ":\n" + lastLines(40);
          close();
          throw new IllegalStateException("gateway " + why);
        }
        Thread.sleep(50);
      }
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException(e);
    }
  }

  /** The status of {@code /health/ready}, or -1 while the management listener is not up. */
  public int readiness() {
    int management = managementPort();
    if (management < 0) {
      return -1;
    }
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/health/ready"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Where the gateway runs: its data directory ({@code embedded.dataDir}) is {@code data} in here. */
  public Path dir() {
    return dir;
  }

  /** Calls {@code FS.SelfService.XMLRPC.<method>} with one struct, as Freeside's clients do; waits up to 30 s. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> call(String method, Map<String, ?> struct) throws Exception {
    return (Map<String, Object>) client.execute("FS.SelfService.XMLRPC." + method, new Object[] {struct});
  }

  /** Everything it has written (stdout and stderr). */
  public String output() {
    try {
      return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String lastLines(int count) {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /**
   * Waits until its output contains {@code text}: a line logged just before or after a state change (readiness)
   * may reach the output a moment after the change, through the batching console appender.
   */
  public void awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("'" + text + "' not in the output within " + timeout.toMillis() + " ms:\n"
            + lastLines(20));
      }
      Thread.sleep(10);
    }
  }

  /** How many output lines contain {@code text}. */
  public long linesContaining(String text) {
    return output().lines().filter(line -> line.contains(text)).count();
  }

  /** VmRSS in MiB, from /proc. */
  public long residentMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("gateway gone:\n" + lastLines(40), e);
    }
    throw new IllegalStateException("no VmRSS");
  }

  /** SIGTERM, as Kubernetes sends it. */
  public void terminate() {
    process.destroy();
  }

  /**
   * {@code SIG<signal>} to its whole process group, as a terminal's Ctrl-C (INT) or systemd stopping a unit (TERM)
   * does: every process it started that stayed in its group gets it too. Needs {@link Builder#ownProcessGroup()}.
   */
  public void signalGroup(String signal) {
    OwnProcesses.run(List.of("kill", "-" + signal, "--", "-" + process.pid()));
  }

  /** SIGKILL, as a crashed node or an OOM kill: no goodbye. Returns the exit status (137). */
  public int kill9() {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** Its exit status; fails if it is still running after {@code timeout}. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("gateway still running " + timeout.toSeconds() + " s later:\n" + lastLines(40));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /**
   * Kills it if it still runs, then removes its directory. On external backends SIGKILL at once (nothing of its own
   * would outlive it); with embedded ones SIGTERM first, so that it stops the PostgreSQL and Redis it started.
   */
  @Override
  public void close() {
    try {
      if (embedded && process.isAlive()) {
        process.destroy();
        process.waitFor(40, TimeUnit.SECONDS);
      }
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    OwnProcesses.deleteTree(dir);
  }

  private static XmlRpcClient client(int port) {
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    config.setServerURL(toUrl("http://127.0.0.1:" + port + "/RPC2"));
    config.setConnectionTimeout(2_000);
    config.setReplyTimeout(30_000);
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(config);
    return client;
  }

  private static URL toUrl(String url) {
    try {
      return URI.create(url).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int managementPort() {
    if (managementPort < 0) {
      Matcher m = MANAGEMENT.matcher(output());
      if (m.find()) {
        managementPort = Integer.parseInt(m.group(1));
      }
    }
    return managementPort;
  }

  private Path log() {
    return dir.resolve("gateway.log");
  }

  /** How to start one: defaults for a small, quiet child on the test backends. */
  public static final class Builder {
    private int port;
    private List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private final List<String> properties = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private String classpath = System.getProperty("java.class.path");
    private boolean embedded;
    private boolean ownProcessGroup;

    private Builder() {
    }

    /** The class path it runs on; by default the test JVM's. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /** The XML-RPC port; by default any free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Replaces the default JVM options (a 256 MiB heap, serial GC). */
    public Builder jvmOptions(List<String> options) {
      this.jvmOptions = List.copyOf(options);
      return this;
    }

    /** A {@code -Dname=value} system property. */
    public Builder property(String name, String value) {
      properties.add("-D" + name + "=" + value);
      return this;
    }

    /** {@code GW_*} settings that add to or override the defaults. */
    public Builder env(Map<String, String> settings) {
      env.putAll(settings);
      return this;
    }

    /**
     * No PostgreSQL or Redis configured: the gateway starts its embedded ones (in its directory), or, on a class path
     * without them (the slim jar's), stops saying what to set.
     */
    public Builder embedded() {
      this.embedded = true;
      return this;
    }

    /** Runs it as the leader of a process group of its own ({@code setsid}), for {@link #signalGroup}. */
    public Builder ownProcessGroup() {
      this.ownProcessGroup = true;
      return this;
    }

    /** Starts the process; does not wait for it to be ready ({@link GatewayProcess#awaitReady}). */
    public GatewayProcess start() {
      int httpPort = port == 0 ? FreePorts.pick() : port;
      try {
        Path dir = Files.createTempDirectory("fsgw-gateway-");
        List<String> command = new ArrayList<>();
        if (ownProcessGroup) {
          command.add("setsid"); // not a group leader already, so it execs in place: the PID stays the JVM's
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(properties);
        command.addAll(List.of("-cp", classpath, "net.fsgateway.GatewayMain", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("gateway.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GW_"));
        builder.environment().putAll(settings(httpPort, dir));
        Process process = builder.start();
        // Should the test JVM be killed mid-test, no gateway stays behind holding ports and connections.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new GatewayProcess(process, httpPort, dir, embedded);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start a gateway process", e);
      }
    }

    private Map<String, String> settings(int httpPort, Path dir) {
      Map<String, String> settings = new HashMap<>();
      settings.put("GW_CONFIG", Path.of("conf", "gateway.json").toAbsolutePath().toString());
      settings.put("GW_HTTP_HOST", "127.0.0.1");
      settings.put("GW_HTTP_PORT", Integer.toString(httpPort));
      settings.put("GW_HTTP_INSTANCES", "1");
      settings.put("GW_MANAGEMENT_HOST", "127.0.0.1");
      settings.put("GW_MANAGEMENT_PORT", "0");
      settings.put("GW_EMBEDDED_DATA_DIR", dir.resolve("data").toString());
      if (!embedded) {
        settings.put("GW_BILLING_CARD_KEY", TestGateway.TEST_CARD_KEY);
        PgConfig pg = TestBackends.pg();
        settings.put("GW_PG_HOST", pg.host());
        settings.put("GW_PG_PORT", Integer.toString(pg.port()));
        settings.put("GW_PG_DATABASE", pg.database());
        settings.put("GW_PG_USER", pg.user());
        settings.put("GW_PG_PASSWORD", pg.password());
        settings.put("GW_REDIS_URL", TestBackends.redis().url());
      }
      settings.putAll(env);
      return settings;
    }
  }
}
