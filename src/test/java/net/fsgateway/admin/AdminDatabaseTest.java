package net.fsgateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.infra.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AdminDatabaseTest {

  @Test
  void startsTheEmbeddedDatabaseForOneCommandWhenNoGatewayRuns(@TempDir Path dataDir) {
    int port = FreePorts.pick();
    GatewayConfig cfg = ConfigLoader.load(Path.of("none.json"), Map.of(
        "GW_EMBEDDED_DATA_DIR", dataDir.toString(), "GW_EMBEDDED_PG_PORT", String.valueOf(port)));
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new AdminCommand(() -> AdminDatabase.open(cfg), new ByteArrayInputStream(new byte[0])));
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("domain", "create", "--domain", "example.com")).isZero();
    assertThat(FreePorts.answers("127.0.0.1", port, 300)).as("stopped after the command").isFalse();
    assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    assertThat(cli.execute("domain", "create", "--domain", "example.com")).as("data kept").isEqualTo(1);
  }
}
