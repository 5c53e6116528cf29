package net.fsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File, then environment; every invalid value stops start-up with a message naming its key. */
class ConfigLoaderTest {

  @Test
  void environmentOverridesTheFileWhichOverridesTheDefault(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gw.json");
    Files.writeString(file, "{\"pg\": {\"poolSize\": 4, \"host\": \"db.internal\"}}", StandardCharsets.UTF_8);
    GatewayConfig config = ConfigLoader.load(Map.of("GW_CONFIG", file.toString(), "GW_PG_POOL_SIZE", "12"));
    assertThat(config.pg().poolSize()).isEqualTo(12);
    assertThat(config.pg().host()).isEqualTo("db.internal");
    assertThat(config.http().port()).isEqualTo(HttpConfig.DEFAULT_PORT);
  }

  @Test
  void aMissingGwConfigFileIsAnErrorNotSilentDefaults(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("GW_CONFIG", dir.resolve("nope.json").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("GW_CONFIG");
  }

  @Test
  void invalidValuesNameTheirKey() {
    assertThatThrownBy(() -> load("GW_DEPLOYMENT_SERVICE_INSTANCES", "0")).hasMessageContaining("serviceInstances");
    assertThatThrownBy(() -> load("GW_BILLING_PROCESSOR", "acme")).hasMessageContaining("billing.processor");
    assertThatThrownBy(() -> load("GW_BILLING_SERVICE_PASSWORD_SCHEME", "md5"))
        .hasMessageContaining("servicePasswordScheme");
    assertThatThrownBy(() -> load("GW_HTTP_PORT", "eighty")).hasMessageContaining("http.port");
    assertThatThrownBy(() -> load("GW_HTTP_TLS", "true")).hasMessageContaining("tlsCertPath");
  }

  @Test
  void signupRulesReadAListFromTheEnvironmentOrAJsonArray(@TempDir Path dir) throws Exception {
    assertThat(ConfigLoader.load(Path.of("does-not-exist.json"), Map.of()).signup())
        .isEqualTo(new SignupConfig(java.util.List.of("CARD", "CHEK", "PREPAY"), false, 1, "US", "CA"));
    assertThat(load("GW_BILLING_PAYBYS", "BILL, DCRD,DCHK").signup().paybys()).containsExactly("BILL", "DCRD", "DCHK");
    Path file = dir.resolve("gw.json");
    Files.writeString(file, "{\"billing\": {\"paybys\": [\"CARD\", \"BILL\"], \"requireCvv\": true}}",
        StandardCharsets.UTF_8);
    SignupConfig fromFile = ConfigLoader.load(Map.of("GW_CONFIG", file.toString())).signup();
    assertThat(fromFile.paybys()).containsExactly("CARD", "BILL");
    assertThat(fromFile.requireCvv()).isTrue();
    assertThatThrownBy(() -> load("GW_BILLING_PAYBYS", "CARD,CASH")).hasMessageContaining("billing.paybys");
    assertThatThrownBy(() -> load("GW_BILLING_PAYBYS", " ")).hasMessageContaining("billing.paybys");
    assertThatThrownBy(() -> load("GW_BILLING_DEFAULT_REFNUM", "0")).hasMessageContaining("billing.defaultRefnum");
    assertThatThrownBy(() -> load("GW_BILLING_COUNTRY_DEFAULT", "USA")).hasMessageContaining("countryDefault");
  }

  @Test
  void secretsAreNotInTheRecordsText() {
    GatewayConfig config = ConfigLoader.load(Path.of("does-not-exist.json"),
        Map.of("GW_PG_PASSWORD", "pg-s3cret", "GW_BILLING_CARD_KEY", "key-s3cret",
            "GW_REDIS_URL", "redis://:redis-s3cret@host:6379"));
    assertThat(config.toString()).doesNotContain("pg-s3cret", "key-s3cret", "redis-s3cret");
  }

  @Test
  void theSourceRemembersEveryKeyItWasAskedForAndWhatItResolvedTo() {
    ConfigSource source = new ConfigSource(new io.vertx.core.json.JsonObject().put("pg", new io.vertx.core.json.JsonObject()
        .put("port", 6543)), Map.of("GW_HTTP_TLS", "no"));
    source.integer("pg.port", 5432);
    source.bool("http.tls", true);
    source.string("pg.host", "");
    assertThat(source.keysRead()).containsExactly("pg.port", "http.tls", "pg.host");
    assertThat(source.valueRead("pg.port")).isEqualTo("6543");
    assertThat(source.valueRead("http.tls")).isEqualTo("false");
    assertThat(source.valueRead("pg.host")).isEmpty();
    assertThat(source.valueRead("pg.user")).isNull();
    assertThat(ConfigLoader.builtInDefaults().keysRead()).contains("pg.poolSize", "deployment.eventLoops");
  }

  private static GatewayConfig load(String key, String value) {
    return ConfigLoader.load(Path.of("does-not-exist.json"), Map.of(key, value));
  }
}
