package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.sqlclient.SqlClient;
import java.util.Map;
import java.util.stream.Collectors;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.infra.PgPools;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The HTTP floor: answers every POST with one canned success struct (error '', a session_id, available 1) and
 * parses nothing. What the driver measures against it is the ceiling that HTTP, the driver and the machine allow.
 * Given a database, a POST to {@code /check_username}, {@code /agent_info} or {@code /signup_info} first runs that
 * method's own SQL ({@link FloorQueries}) on a pipelined client of this instance's event loop, as the gateway's
 * provisioning does: the HTTP-plus-query floor. A POST to {@code /new_customer} runs a CARD signup's statements
 * ({@link FloorSignups}). A query that fails or finds nothing is answered 500, so the driver counts it as an error.
 */
public final class FloorHttpServer extends VerticleBase {
  static final Buffer CANNED = XmlRpcResponseWriter.write(MethodResponse.success(XStruct.builder()
      .put("error", "").put("session_id", "floor").put("available", 1).build()));
  private static final CharSequence TEXT_XML = HttpHeaders.createOptimized("text/xml");
  private static final CharSequence LENGTH = HttpHeaders.createOptimized(String.valueOf(CANNED.length()));
  /** "/check_username" → "check_username"...: a lookup, so the canned path allocates nothing more than before. */
  private static final Map<String, String> QUERY_PATHS = FloorQueries.METHODS.stream()
      .collect(Collectors.toUnmodifiableMap(m -> "/" + m, m -> m));
  private static final String SIGNUP_PATH = "/" + FloorSignups.METHOD;

  private final int port;
  private final FloorDatabase database;
  private HttpServer server;
  private SqlClient db;
  private FloorQueries queries;
  private FloorSignups signups;

  /** The canned floor only. */
  public FloorHttpServer(int port) {
    this(port, null);
  }

  /** With {@code database} null, the query paths answer 500 like a failed query. */
  public FloorHttpServer(int port, FloorDatabase database) {
    this.port = port;
    this.database = database;
  }

  @Override
  public Future<?> start() {
    if (database != null) {
      db = PgPools.pipelined(vertx, database.pg(), database.deadlines());
      queries = new FloorQueries(db, database.agentnum(), database.domain());
      signups = new FloorSignups(vertx, database);
    }
    server = vertx.createHttpServer().requestHandler(this::answer);
    return server.listen(port, "127.0.0.1");
  }

  @Override
  public Future<?> stop() {
    return db == null ? server.close() : server.close().eventually(db::close).eventually(signups::close);
  }

  /** The port it listens on (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void answer(HttpServerRequest req) {
    String path = req.path();
    String method = SIGNUP_PATH.equals(path) ? FloorSignups.METHOD : QUERY_PATHS.get(path);
    // Reply once the body has been read (discarded), as the gateway does, so keep-alive stays in step.
    req.handler(chunk -> { });
    req.endHandler(v -> {
      if (method == null) {
        canned(req);
      } else if (queries == null) {
        failed(req, "no database given to the floor (bench floor-http --queries)");
      } else {
        Future<Boolean> ran = FloorSignups.METHOD.equals(method) ? signups.run() : queries.run(method);
        ran.onComplete(found -> {
          if (found.succeeded() && found.result()) {
            canned(req);
          } else {
            failed(req, found.succeeded() ? method + "'s query found nothing" : found.cause().toString());
          }
        });
      }
    });
  }

  private static void canned(HttpServerRequest req) {
    MultiMap headers = req.response().headers();
    headers.add(HttpHeaders.CONTENT_TYPE, TEXT_XML).add(HttpHeaders.CONTENT_LENGTH, LENGTH);
    req.response().end(CANNED);
  }

  private static void failed(HttpServerRequest req, String why) {
    req.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("floor: " + why + "\n");
  }
}
