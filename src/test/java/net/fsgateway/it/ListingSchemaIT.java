package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listing follows the schema it finds: a customer column a later migration adds is answered by the running
 * gateway without a code change or a restart (typed like the others), and a column named as a secret
 * ({@code *_enc}) never is. The columns are added here to this JVM's test database and dropped afterwards.
 */
@Timeout(60)
class ListingSchemaIT {
  private static TestGateway gateway;
  private static TestReseller reseller;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    reseller = TestReseller.create();
  }

  @AfterAll
  static void stop() {
    try {
      TestData.update("ALTER TABLE cust_main DROP COLUMN IF EXISTS later_tier, DROP COLUMN IF EXISTS later_count,"
          + " DROP COLUMN IF EXISTS later_secret_enc");
    } finally {
      gateway.close();
    }
  }

  @Test
  void aColumnAddedLaterIsAnsweredAndASecretOneIsNot() throws Exception {
    long custnum = TestData.customer(reseller.agentnum(), "Lay", "Ter", "");
    String session = reseller.login(gateway);
    assertThat(customer(session, custnum).keySet()).doesNotContain("later_tier");

    TestData.update("ALTER TABLE cust_main ADD COLUMN later_tier text NOT NULL DEFAULT '',"
        + " ADD COLUMN later_count integer, ADD COLUMN later_secret_enc bytea");
    TestData.update("UPDATE cust_main SET later_tier = 'gold', later_count = 7, later_secret_enc = '\\x01'::bytea"
        + " WHERE custnum = ?", custnum);

    Map<String, Object> c = customer(session, custnum);
    assertThat(c.get("later_tier")).isEqualTo("gold");
    assertThat(c.get("later_count")).isEqualTo("7");
    assertThat(c.keySet()).doesNotContain("later_secret_enc");
    assertThat(c.get("first")).isEqualTo("Lay");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> customer(String session, long custnum) throws Exception {
    Object[] customers = (Object[]) gateway.call("agent_list_customers", Map.of("session_id", session,
        "search", String.valueOf(custnum))).get("customers");
    assertThat(customers).hasSize(1);
    Map<String, Object> c = (Map<String, Object>) customers[0];
    assertThat(c.get("custnum")).isEqualTo(String.valueOf(custnum));
    return c;
  }
}
