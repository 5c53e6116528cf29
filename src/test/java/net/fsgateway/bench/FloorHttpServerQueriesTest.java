package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP-plus-query floor against a real database: a method path answers the canned struct only after its query
 * found what the gateway's successful answer needs, and 500 when it did not (wrong domain, unknown agent, no
 * database), so a mis-seeded floor is counted as errors instead of passing for fast.
 */
@Timeout(60)
class FloorHttpServerQueriesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Vertx vertx;
  private static TestReseller reseller;

  @BeforeAll
  static void seed() {
    vertx = Vertx.vertx();
    reseller = TestReseller.create();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static int start(FloorDatabase database) {
    FloorHttpServer floor = new FloorHttpServer(0, database);
    vertx.deployVerticle(floor).await();
    return floor.actualPort();
  }

  private static HttpResponse<String> post(int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString("<methodCall/>")).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachMethodPathRunsItsQueryAndAnswersTheCannedStruct() throws Exception {
    int port = start(new FloorDatabase(TestBackends.pg(), TestGateway.productionDeadlines(), reseller.agentnum(), reseller.privateDomain()));
    for (String method : FloorQueries.METHODS) {
      HttpResponse<String> answer = post(port, "/" + method);
      assertThat(answer.statusCode()).as(method).isEqualTo(200);
      assertThat(answer.body()).as(method).isEqualTo(FloorHttpServer.CANNED.toString());
    }
    assertThat(post(port, "/RPC2").statusCode()).isEqualTo(200);
  }

  @Test
  void theSignupPathWritesACustomerAndItsJournalAsTheGatewayDoes() throws Exception {
    int port = start(new FloorDatabase(TestBackends.pg(), TestGateway.productionDeadlines(), reseller.agentnum(), reseller.privateDomain()));
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> answer = post(port, "/new_customer");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(FloorHttpServer.CANNED.toString());
    }
    assertThat(((Number) TestData.scalar("SELECT count(*) FROM svc_acct WHERE domsvc = ?", reseller.domsvc())).intValue())
        .isEqualTo(3);
    assertThat(((Number) TestData.scalar("SELECT count(*) FROM cust_main c JOIN cust_pay p ON p.custnum = c.custnum"
        + " WHERE c.agentnum = ? AND p.processor_ref LIKE 'floor-%'", reseller.agentnum())).intValue()).isEqualTo(3);
    // 'captured' follows the answer (group-committed after a linger): every attempt gets there.
    long deadline = System.currentTimeMillis() + 10_000;
    int captured = 0;
    while (captured < 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      captured = ((Number) TestData.scalar("SELECT count(*) FROM payment_journal WHERE agentnum = ?"
          + " AND state = 'captured'", reseller.agentnum())).intValue();
    }
    assertThat(captured).isEqualTo(3);
  }

  @Test
  void aQueryThatFindsNothingIsAnError() throws Exception {
    int wrongDomain = start(new FloorDatabase(TestBackends.pg(), TestGateway.productionDeadlines(), reseller.agentnum(), "no-such-domain.example"));
    HttpResponse<String> check = post(wrongDomain, "/check_username");
    assertThat(check.statusCode()).isEqualTo(500);
    assertThat(check.body()).contains("check_username's query found nothing");

    int unknownAgent = start(new FloorDatabase(TestBackends.pg(), TestGateway.productionDeadlines(), Integer.MAX_VALUE, reseller.privateDomain()));
    assertThat(post(unknownAgent, "/agent_info").statusCode()).isEqualTo(500);
    assertThat(post(unknownAgent, "/signup_info").statusCode()).isEqualTo(500);
    HttpResponse<String> signup = post(wrongDomain, "/new_customer");
    assertThat(signup.statusCode()).isEqualTo(500);
    assertThat(signup.body()).contains("domain no-such-domain.example is unknown");
    assertThat(post(unknownAgent, "/RPC2").statusCode()).as("the canned path runs no query").isEqualTo(200);
  }

  @Test
  void withoutADatabaseTheQueryPathsFailAndTheCannedOneAnswers() throws Exception {
    int port = start(null);
    HttpResponse<String> answer = post(port, "/agent_info");
    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).contains("no database");
    assertThat(post(port, "/RPC2").body()).isEqualTo(FloorHttpServer.CANNED.toString());
  }
}
