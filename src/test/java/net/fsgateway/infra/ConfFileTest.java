package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import net.fsgateway.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** conf/gateway.json documents the defaults: loading it must give exactly what no file gives. */
class ConfFileTest {
  @Test
  void shippedConfigEqualsTheBuiltInDefaults() {
    assertThat(ConfigLoader.load(Path.of("conf", "gateway.json"), Map.of()).toString())
        .isEqualTo(ConfigLoader.load(Path.of("none.json"), Map.of()).toString());
  }
}
