package net.fsgateway.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway URL to load, refused unless it is plain HTTP on this machine: the driver can push tens of thousands
 * of requests a second and must never be pointed at somebody's production reseller endpoint by a typo.
 */
public record LocalTarget(String host, int port, String path) {
  private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  public static LocalTarget parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("only http:// URLs are supported: " + url);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!LOCAL_HOSTS.contains(host)) {
      throw new IllegalArgumentException("refusing to load a non-local host '" + host
          + "': the driver only targets 127.0.0.1 or localhost");
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new LocalTarget(host.equals("[::1]") ? "::1" : host, port, path);
  }

  @Override
  public String toString() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path;
  }
}
