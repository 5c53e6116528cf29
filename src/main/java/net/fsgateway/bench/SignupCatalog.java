package net.fsgateway.bench;

import io.vertx.core.Future;
import java.util.Optional;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The package to sell and the domain accounts live in: from {@code --pkgpart}/{@code --domain} when given,
 * otherwise the first entries of {@code signup_info}'s {@code part_pkg} and {@code svc_domain}.
 */
record SignupCatalog(String pkgpart, String domain) {

  static Future<SignupCatalog> resolve(RpcClient client, String sessionId, Long pkgpart, String domain) {
    if (pkgpart != null && domain != null) {
      return Future.succeededFuture(new SignupCatalog(pkgpart.toString(), domain));
    }
    XStruct params = XStruct.builder().put("session_id", sessionId).build();
    return client.send(Call.of("signup_info", params, Expectation.SUCCESS).body()).compose(response -> {
      if (!Expectation.wellFormed(response) || !Expectation.errorOf(response).isEmpty()) {
        return Future.failedFuture("signup_info failed (" + Expectation.errorOf(response)
            + "): give --pkgpart and --domain");
      }
      XStruct info = (XStruct) ((MethodResponse.Success) response).value();
      Optional<String> pkg = pkgpart != null ? Optional.of(pkgpart.toString()) : first(info, "part_pkg", "pkgpart");
      Optional<String> dom = domain != null ? Optional.of(domain) : first(info, "svc_domain", "domain");
      if (pkg.isEmpty() || dom.isEmpty()) {
        return Future.failedFuture("signup_info lists no package or no domain: give --pkgpart and --domain");
      }
      return Future.succeededFuture(new SignupCatalog(pkg.get(), dom.get()));
    });
  }

  /** The {@code member} of the first struct in array {@code list} (or the first item itself if it is a scalar). */
  private static Optional<String> first(XStruct info, String list, String member) {
    XmlRpcValue items = info.get(list);
    if (!(items instanceof XArray) || ((XArray) items).items().isEmpty()) {
      return Optional.empty();
    }
    XmlRpcValue item = ((XArray) items).items().get(0);
    return item instanceof XStruct ? Scalars.text(((XStruct) item).get(member)) : Scalars.text(item);
  }
}
