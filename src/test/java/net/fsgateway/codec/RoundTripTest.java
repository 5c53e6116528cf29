package net.fsgateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBase64;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XDateTime;
import net.fsgateway.xmlrpc.XDouble;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;

/** Property: what the writers write, the decoders read back equal, for random values of every variant. */
class RoundTripTest {
  private static final int CASES = 3000;
  private static final String SPECIAL = "&<>\r\n\t \"']]>";
  private final Random random = new Random(20240607L);

  @Test
  void requestWriterThenRequestDecoder() throws Exception {
    for (int i = 0; i < CASES; i++) {
      List<XmlRpcValue> params = new ArrayList<>();
      for (int p = random.nextInt(4); p > 0; p--) {
        params.add(value(0));
      }
      MethodCall call = new MethodCall("ns.m" + i, params);
      byte[] bytes = XmlRpcRequestWriter.write(call).getBytes();
      int chunk = new int[] {1, 3, 7, 64, Chunked.WHOLE}[i % 5];
      assertThat(Chunked.decode(bytes, chunk, CodecLimits.DEFAULTS)).as("case %d", i).isEqualTo(call);
    }
  }

  @Test
  void responseWriterThenResponseDecoder() throws Exception {
    for (int i = 0; i < CASES; i++) {
      MethodResponse response = i % 4 == 0
          ? new MethodResponse.Fault(random.nextInt(), string())
          : MethodResponse.success(value(0));
      Buffer body = XmlRpcResponseWriter.write(response);
      assertThat(XmlRpcResponseDecoder.decode(body)).as("case %d", i).isEqualTo(response);
    }
  }

  private XmlRpcValue value(int depth) {
    int kind = random.nextInt(depth >= 4 ? 8 : 10);
    switch (kind) {
      case 0:
        return XString.of(string());
      case 1:
        return XInt.of(random.nextInt());
      case 2:
        return XI8.of(random.nextLong());
      case 3:
        return XBoolean.of(random.nextBoolean());
      case 4:
        double d = Double.longBitsToDouble(random.nextLong());
        return XDouble.of(Double.isFinite(d) ? d : random.nextGaussian());
      case 5:
        LocalDateTime t = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
            random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return new XDateTime(t, String.format("%04d%02d%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
      case 6:
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return new XBase64(bytes);
      case 7:
        return XNil.NIL;
      case 8:
        XStruct.Builder b = XStruct.builder();
        for (int n = random.nextInt(5); n > 0; n--) {
          b.put(string(), value(depth + 1));
        }
        return b.build();
      default:
        List<XmlRpcValue> items = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
          items.add(value(depth + 1));
        }
        return new XArray(items);
    }
  }

  /** Random text of chars XML can carry, including the ones that must be escaped. */
  private String string() {
    StringBuilder sb = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      switch (random.nextInt(6)) {
        case 0 -> sb.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
        case 1 -> sb.append((char) (0x20 + random.nextInt(0x5F)));
        case 2 -> sb.append((char) (0xA0 + random.nextInt(0x60)));
        case 3 -> sb.append((char) (0x100 + random.nextInt(0xD700)));
        case 4 -> sb.append((char) (0xE000 + random.nextInt(0x1FFE)));
        default -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
      }
    }
    String s = sb.toString();
    // A Latin-1-only string that happens to be valid UTF-8 is "repaired" by design (see Utf8Repair).
    return Utf8Repair.repair(s).equals(s) ? s : s + "\u20ac";
  }
}
