package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalTargetTest {
  @Test
  void acceptsLoopbackOnly() {
    assertThat(LocalTarget.parse("http://127.0.0.1:8080/RPC2")).isEqualTo(new LocalTarget("127.0.0.1", 8080, "/RPC2"));
    assertThat(LocalTarget.parse("http://LOCALHOST:9000")).isEqualTo(new LocalTarget("localhost", 9000, "/"));
    assertThat(LocalTarget.parse("http://[::1]:8080/").host()).isEqualTo("::1");
  }

  @Test
  void refusesOtherHostsAndSchemes() {
    for (String url : new String[] {"http://10.0.0.5:8080/RPC2", "http://example.com/RPC2",
        "http://127.0.0.1.evil.example/", "https://127.0.0.1/", "127.0.0.1:8080", "http://0.0.0.0:8080/"}) {
      assertThatThrownBy(() -> LocalTarget.parse(url)).as(url).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void durationsInTheCommandLineForms() {
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("3")).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> Durations.parse("ten")).isInstanceOf(IllegalArgumentException.class);
  }
}
