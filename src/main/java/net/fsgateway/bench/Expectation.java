package net.fsgateway.bench;

import java.util.Set;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;

/**
 * What a scenario expects of one answer. Reseller methods answer a struct whose {@code error} is '' on success and a
 * message otherwise (Freeside semantics); a fault is a protocol failure and is never expected.
 */
@FunctionalInterface
public interface Expectation {

  Verdict judge(MethodResponse response);

  /** {@code error} must be ''. */
  Expectation SUCCESS = response -> errorOf(response).isEmpty() ? Verdict.OK : Verdict.UNEXPECTED;

  /**
   * {@code error} '' is success; any other message is expected except those in {@code wrong}, which mean the
   * scenario itself is broken (its session expired, its own account vanished). Used where the driver provokes
   * conflicts on purpose, e.g. suspending an account that is already suspended.
   */
  static Expectation successOrErrorExcept(Set<String> wrong) {
    return response -> {
      if (!wellFormed(response)) {
        return Verdict.UNEXPECTED;
      }
      String error = errorOf(response);
      if (error.isEmpty()) {
        return Verdict.OK;
      }
      return wrong.contains(error) ? Verdict.UNEXPECTED : Verdict.EXPECTED_ERROR;
    };
  }

  /** A success whose value is a struct with a scalar {@code error} member. */
  static boolean wellFormed(MethodResponse response) {
    return response instanceof MethodResponse.Success
        && ((MethodResponse.Success) response).value() instanceof XStruct
        && Scalars.text(((XStruct) ((MethodResponse.Success) response).value()).get("error")).isPresent();
  }

  /**
   * The {@code error} member of a success struct; a fault, a non-struct or a struct without {@code error} gives a
   * non-empty description, so it never passes for success.
   */
  static String errorOf(MethodResponse response) {
    if (response instanceof MethodResponse.Fault) {
      MethodResponse.Fault f = (MethodResponse.Fault) response;
      return "fault " + f.code() + ": " + f.message();
    }
    MethodResponse.Success s = (MethodResponse.Success) response;
    if (!(s.value() instanceof XStruct)) {
      return "answer is not a struct";
    }
    XStruct struct = (XStruct) s.value();
    if (struct.get("error") == null) {
      return "answer has no error member";
    }
    return Scalars.text(struct.get("error")).orElse("error member is not a scalar");
  }
}
