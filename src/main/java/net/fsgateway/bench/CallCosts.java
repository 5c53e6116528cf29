package net.fsgateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What one call of each kind costs, as measured by {@code src/test/bench/run-fleet-benchmarks.sh}: CPU of the
 * gateway, of PostgreSQL and of Redis (from {@code /proc}), PostgreSQL transactions and statements, Redis commands
 * and bytes on the wire. Kinds: {@code check} (check_username, and the other one-statement session calls:
 * agent_info, signup_info, suspend/unsuspend), {@code signup} (new_customer) and {@code login} (agent_login).
 * Read from a properties file ({@code check.gatewayCpuMs=0.07}, ...), or the copy shipped in the jar.
 */
public record CallCosts(Cost check, Cost signup, Cost login, String source) {
  static final String BUILT_IN = "/bench/call-costs.properties";

  /**
   * One kind of call.
   *
   * @param gatewayCpuMs  gateway process CPU per call (all threads: event loops, hash workers, GC, JIT)
   * @param pgCpuMs       PostgreSQL CPU per call (its backends and background processes)
   * @param pgTransactions transactions per call (PostgreSQL commits: what "TPS" counts)
   * @param pgStatements  statements per call
   * @param redisCpuMs    Redis CPU per call
   * @param redisCommands Redis commands per call
   * @param bytesIn       request bytes (HTTP headers and XML)
   * @param bytesOut      answer bytes
   * @param driverCpuMs   the load driver's CPU per call (only for predicting a run on the measuring machine)
   */
  public record Cost(double gatewayCpuMs, double pgCpuMs, double pgTransactions, double pgStatements,
                     double redisCpuMs, double redisCommands, double bytesIn, double bytesOut, double driverCpuMs) {

    /** Everything the machine spends on one call, driver included. */
    double machineCpuMs() {
      return gatewayCpuMs + pgCpuMs + redisCpuMs + driverCpuMs;
    }
  }

  public static CallCosts builtIn() {
    try (InputStream in = CallCosts.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILT_IN);
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return from(p, "built-in (" + p.getProperty("measured", "unknown run") + ")");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CallCosts read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(in);
      return from(p, file + " (" + p.getProperty("measured", "unknown run") + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }

  static CallCosts from(Properties p, String source) {
    return new CallCosts(cost(p, "check"), cost(p, "signup"), cost(p, "login"), source);
  }

  private static Cost cost(Properties p, String kind) {
    return new Cost(number(p, kind, "gatewayCpuMs"), number(p, kind, "pgCpuMs"), number(p, kind, "pgTransactions"),
        number(p, kind, "pgStatements"), number(p, kind, "redisCpuMs"), number(p, kind, "redisCommands"),
        number(p, kind, "bytesIn"), number(p, kind, "bytesOut"), number(p, kind, "driverCpuMs"));
  }

  private static double number(Properties p, String kind, String name) {
    String key = kind + "." + name;
    String text = p.getProperty(key);
    if (text == null) {
      throw new IllegalArgumentException("call costs: " + key + " missing");
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "call costs: %s must be a number >= 0, not '%s'",
          key, text));
    }
  }
}
