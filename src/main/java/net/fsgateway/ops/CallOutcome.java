package net.fsgateway.ops;

import java.util.Map;
import java.util.regex.Pattern;
import net.fsgateway.billing.SignupRejected;
import net.fsgateway.provisioning.ProvisioningService;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.session.LoginThrottle;
import net.fsgateway.session.SessionService;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * What a call came to, as a label from a closed set: {@code ok}, an application error by kind ({@code declined},
 * {@code username_in_use}, {@code bad_field}…) or a fault by code ({@code fault_-32001}). Never the error text
 * itself: a label set must stay bounded, and a message could carry what the caller sent.
 */
final class CallOutcome {
  static final String OK = "ok";
  static final String LOGIN_THROTTLED = "login_throttled";
  static final String DECLINED = "declined";
  static final String BAD_FIELD = "bad_field";
  static final String OTHER_ERROR = "other_error";

  private static final Map<String, String> KNOWN_ERRORS = Map.ofEntries(
      Map.entry(SignupRejected.DECLINE, DECLINED),
      Map.entry(SignupRejected.USERNAME_IN_USE, "username_in_use"),
      Map.entry(AgentSessions.CANT_RESUME, "bad_session"),
      Map.entry(SessionService.INCORRECT_PASSWORD, "bad_login"),
      Map.entry(SessionService.MISSING_CREDENTIALS, "bad_login"),
      Map.entry(LoginThrottle.TOO_MANY_FAILURES, LOGIN_THROTTLED),
      Map.entry(ProvisioningService.UNKNOWN_DOMAIN, "unknown_domain"),
      Map.entry(ProvisioningService.MISSING_USERNAME, BAD_FIELD),
      Map.entry(ProvisioningService.ACCOUNT_NOT_FOUND, "not_found"),
      Map.entry(ProvisioningService.NOT_YOUR_ACCOUNT, "not_yours"),
      Map.entry(SignupRejected.INVALID_PREPAID, "bad_code"),
      Map.entry(SignupRejected.UNKNOWN_REG_CODE, "bad_code"),
      Map.entry(SignupRejected.UNKNOWN_PROMO_CODE, "bad_code"));

  /** "Can't suspend cancelled package 12", "Can't unsuspend cancelled package 12". */
  private static final Pattern WRONG_STATE = Pattern.compile("^Can't (un)?suspend cancelled package \\d+$");

  private CallOutcome() {
  }

  /**
   * {@code method} as labelled: new_customer's other errors are its field checks, worded as Freeside words them
   * ({@code Illegal (zip) zip: …}, {@code Please select a package}), so they count as {@code bad_field}.
   */
  static String of(String method, MethodResponse response) {
    if (response instanceof MethodResponse.Fault fault) {
      return faultLabel(fault.code());
    }
    if (!(response instanceof MethodResponse.Success success)) {
      return OK; // a streamed answer (a listing) is only ever a success
    }
    XmlRpcValue value = success.value();
    if (!(value instanceof XStruct struct)) {
      return OK;
    }
    String text = Scalars.text(struct.get("error")).orElse("");
    if (text.isEmpty()) {
      return OK;
    }
    String known = KNOWN_ERRORS.get(text);
    if (known != null) {
      return known;
    }
    if (WRONG_STATE.matcher(text).matches()) {
      return "wrong_state";
    }
    return "new_customer".equals(method) ? BAD_FIELD : OTHER_ERROR;
  }

  static String faultLabel(int code) {
    for (FaultCode known : FaultCode.values()) {
      if (known.code() == code) {
        return "fault_" + code;
      }
    }
    return code >= -32099 && code <= -32000 ? "fault_" + code : "fault_other";
  }
}
