package net.fsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatConfigTest {
  private static final Path NO_FILE = Path.of("does-not-exist.json");

  @Test
  void freesidesStringAnswersAreTheDefault() {
    assertThat(ConfigLoader.load(NO_FILE, Map.of()).compat().typedAnswers()).isFalse();
    assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_FILE, Map.of()).compat().typedAnswers()).isFalse();
  }

  @Test
  void typedAnswersFromTheEnvironmentAndAClearErrorOtherwise() {
    assertThat(ConfigLoader.load(NO_FILE, Map.of("GW_COMPAT_TYPED_ANSWERS", "true")).compat().typedAnswers())
        .isTrue();
    assertThatThrownBy(() -> ConfigLoader.load(NO_FILE, Map.of("GW_COMPAT_TYPED_ANSWERS", "ints")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("compat.typedAnswers");
  }
}
