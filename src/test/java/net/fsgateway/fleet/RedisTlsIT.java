package net.fsgateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.support.LocalProcess;
import net.fsgateway.support.RedisProcesses;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Redis that only speaks TLS and wants a password (port 27301): the gateway reaches it with a {@code rediss://}
 * URL, {@code redis.password} and {@code redis.tlsCaPath} naming the CA that signed the server's certificate.
 */
@Tag("fleet")
@Timeout(60)
class RedisTlsIT {
  private static final int PORT = 27301;

  @Test
  void sessionsWorkOverTlsWithAPassword(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(LocalProcess.which("openssl") != null, "openssl not installed: TLS test skipped");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(), "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
    openssl.getInputStream().readAllBytes();
    assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("certificate made").isTrue();
    String password = "tls-" + Long.toHexString(System.nanoTime());
    try (RedisProcesses redis = new RedisProcesses("tls")) {
      redis.server(PORT, "--port", "0", "--tls-port", Integer.toString(PORT),
          "--tls-cert-file", dir.resolve("cert.pem").toString(), "--tls-key-file", dir.resolve("key.pem").toString(),
          "--tls-ca-cert-file", dir.resolve("cert.pem").toString(), "--tls-auth-clients", "no",
          "--requirepass", password);
      assertThat(Files.exists(dir.resolve("cert.pem"))).isTrue();
      RedisConfig tls = new RedisConfig("rediss://127.0.0.1:" + PORT, 8, 1024, RedisConfig.Type.STANDALONE, List.of(),
          "", password, dir.resolve("cert.pem").toString());
      try (TestGateway gateway = TestGateway.start(c -> c.withRedis(tls))) {
        TestReseller reseller = TestReseller.create();
        String session = reseller.login(gateway);
        assertThat(RedisSentinelIT.check(gateway, session, reseller.privateDomain())).isEqualTo("");
        assertThat(gateway.call("agent_logout", Map.of("session_id", session))).containsEntry("error", "");
        assertThat(RedisSentinelIT.check(gateway, session, reseller.privateDomain())).isEqualTo("Can't resume session");
      }
    }
  }
}
