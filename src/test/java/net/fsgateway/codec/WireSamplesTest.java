package net.fsgateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden inputs: the exact bodies real XML-RPC clients send (see wire-samples/README.md). */
class WireSamplesTest {
  private static final String[] NEW_CUSTOMER = {"perl-frontier-client", "perl-xmlrpc-lite", "perl-rpc-xml",
      "php-xmlrpc", "python-xmlrpc-client"};
  private static final String[] NON_ASCII = {"php-xmlrpc-nonascii", "perl-frontier-nonascii"};

  static byte[] body(String sample) throws IOException {
    try (InputStream in = WireSamplesTest.class.getResourceAsStream("/wire-samples/" + sample + ".http")) {
      byte[] all = in.readAllBytes();
      for (int i = 0; i + 3 < all.length; i++) {
        if (all[i] == '\r' && all[i + 1] == '\n' && all[i + 2] == '\r' && all[i + 3] == '\n') {
          return Arrays.copyOfRange(all, i + 4, all.length);
        }
      }
      throw new IllegalStateException("no header end in " + sample);
    }
  }

  private static Stream<Arguments> bySize(String... samples) {
    return Stream.of(samples).flatMap(s -> Chunked.sizes().mapToObj(size -> Arguments.of(s, size)));
  }

  static Stream<Arguments> newCustomer() {
    return bySize(NEW_CUSTOMER);
  }

  static Stream<Arguments> nonAscii() {
    return bySize(NON_ASCII);
  }

  private static String text(XStruct s, String name) {
    return Scalars.text(s.get(name)).orElseThrow();
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("newCustomer")
  void readsNewCustomer(String sample, int chunk) throws Exception {
    MethodCall call = Chunked.decode(body(sample), chunk, CodecLimits.DEFAULTS);
    assertThat(call.methodName()).isEqualTo("FS.SelfService.XMLRPC.new_customer");
    assertThat(call.params()).hasSize(1);
    XStruct s = (XStruct) call.params().get(0);
    assertThat(s.members()).hasSize(16);
    assertThat(text(s, "payinfo")).isEqualTo("4111111111111111");
    assertThat(text(s, "zip")).isEqualTo("02134");
    assertThat(text(s, "paycvv")).isEqualTo("123");
    assertThat(((XInt) s.get("pkgpart")).intValue()).isEqualTo(2);
    assertThat(text(s, "session_id")).isEqualTo("abc123");
    assertThat(text(s, "address1")).isEqualTo("1234 Soybean Ln.");
    assertThat(text(s, "invoicing_list")).isEqualTo("tofu@example.com");
    assertThat(text(s, "paydate")).isEqualTo("11/2029");
    assertThat(text(s, "_password")).isEqualTo("s33kret");
    assertThat(s.get("first")).isEqualTo(new XString("Tofu"));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("nonAscii")
  void readsNonAsciiNames(String sample, int chunk) throws Exception {
    MethodCall call = Chunked.decode(body(sample), chunk, CodecLimits.DEFAULTS);
    assertThat(call.methodName()).isEqualTo("FS.SelfService.XMLRPC.check_username");
    XStruct s = (XStruct) call.params().get(0);
    assertThat(s.get("first")).isEqualTo(new XString("Zo\u00eb M\u00fcller"));
    assertThat(s.get("username")).isEqualTo(new XString("zo\u00eb"));
    assertThat(s.get("domain")).isEqualTo(new XString("example.net"));
  }
}
