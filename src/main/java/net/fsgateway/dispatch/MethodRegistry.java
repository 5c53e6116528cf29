package net.fsgateway.dispatch;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method the gateway knows: name → bus address, param rule and help. Clients may call a method by its
 * Freeside name {@code FS.SelfService.XMLRPC.<method>}, by Freeside's backend name
 * {@code FS.ClientAPI_XMLRPC.<method>}, or bare.
 */
public final class MethodRegistry {
  public static final String SELF_SERVICE_PREFIX = "FS.SelfService.XMLRPC.";
  public static final String BACKEND_PREFIX = "FS.ClientAPI_XMLRPC.";

  static final int NEW_CUSTOMER_TIMEOUT_MS = 30_000;

  private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
  /** Every name a client may send (bare and both prefixes): one lookup per call, no prefix cut off. */
  private final Map<String, MethodSpec> byWireName = new HashMap<>();

  public MethodRegistry(List<MethodSpec> specs) {
    specs.forEach(spec -> {
      methods.put(spec.name(), spec);
      byWireName.put(spec.name(), spec);
      byWireName.put(SELF_SERVICE_PREFIX + spec.name(), spec);
      byWireName.put(BACKEND_PREFIX + spec.name(), spec);
    });
  }

  /** The reseller API of the spec and Freeside's Agent.pm. */
  public static MethodRegistry reseller() {
    return new MethodRegistry(List.of(
        MethodSpec.reseller("agent_login", "Log in with {username, password}; returns {error, session_id}. "
            + "The session lasts one hour."),
        MethodSpec.reseller("agent_logout", "End a session: {session_id}; returns {error}."),
        MethodSpec.reseller("check_username", "Is username@domain free? {session_id, username, domain}; "
            + "returns {error, available: 1|0}."),
        // A signup may wait for a PG connection (pg.connectTimeoutMs) and the processor (billing.processorTimeoutMs,
        // at most 20 s) before it writes: its bus timeout must outlast both, or a client told "try again" could
        // retry a signup that still commits.
        new MethodSpec("new_customer", ParamRule.ONE_STRUCT, "Sign up a customer with a package, an account and "
            + "a first payment (payby CARD, CHEK, PREPAY; BILL, DCRD, DCHK when allowed); returns {error, custnum, "
            + "signup_service, svcnum, username}. "
            + "error '_decline' means the payment was declined.", MethodSpec.STRUCT_TO_STRUCT, NEW_CUSTOMER_TIMEOUT_MS),
        MethodSpec.reseller("suspend_username", "Suspend the package behind username@domain: "
            + "{session_id, username, domain}; returns {error}."),
        MethodSpec.reseller("unsuspend_username", "Unsuspend the package behind username@domain: "
            + "{session_id, username, domain}; returns {error}."),
        MethodSpec.reseller("agent_info", "{session_id}; returns {error, agentnum, agent, num_prospect, "
            + "num_active, num_susp, num_cancel}."),
        MethodSpec.reseller("agent_list_customers", "Search your customers: {session_id, search, prospect, "
            + "active, susp, cancel, limit, offset}; returns {error, customers: [{custnum, name, status, ...}]}, "
            + "every match unless limit is given."),
        MethodSpec.reseller("signup_info", "{session_id, promo_code, reg_code}; returns {error, part_pkg: [...], "
            + "cust_main_county: [...], part_referral: [...], svc_domain: [...], payby: [...], ...} — what you may "
            + "sell, where, and how customers may pay.")));
  }

  /** The spec for a method name as a client sent it, prefix stripped. */
  public Optional<MethodSpec> resolve(String wireName) {
    return Optional.ofNullable(byWireName.get(wireName));
  }

  public Collection<MethodSpec> all() {
    return methods.values();
  }
}
