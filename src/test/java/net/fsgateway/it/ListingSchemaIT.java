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
 * The listing follows the schema it finds: with the customer columns Freeside keeps and the signup work adds
 * (mobile, an encrypted SSN with its mask, billing and service location numbers, county), it answers them — the
 * billing address from the location {@code bill_locationnum} names, mobile phones searched, the SSN only as its
 * mask — without a code change. The columns are added here as that migration adds them ({@code IF NOT EXISTS}:
 * a no-op once it has run), to this JVM's test database.
 */
@Timeout(60)
class ListingSchemaIT {
  private static TestGateway gateway;
  private static TestReseller reseller;

  @BeforeAll
  static void start() {
    TestData.update("ALTER TABLE cust_main ADD COLUMN IF NOT EXISTS mobile text NOT NULL DEFAULT '',"
        + " ADD COLUMN IF NOT EXISTS ss_enc bytea, ADD COLUMN IF NOT EXISTS ss_mask text NOT NULL DEFAULT '',"
        + " ADD COLUMN IF NOT EXISTS bill_locationnum bigint, ADD COLUMN IF NOT EXISTS ship_locationnum bigint");
    TestData.update("ALTER TABLE cust_location ADD COLUMN IF NOT EXISTS county text NOT NULL DEFAULT '',"
        + " ADD COLUMN IF NOT EXISTS locationname text NOT NULL DEFAULT ''");
    gateway = TestGateway.start();
    reseller = TestReseller.create();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void newColumnsAreAnsweredAndTheBillingLocationIsTheOneNamed() throws Exception {
    long custnum = TestData.customer(reseller.agentnum(), "Mo", "Bile", "");
    long service = location(custnum, "9 Service Rd", "Cook");
    long billing = location(custnum, "1 Billing Ave", "DuPage");
    TestData.update("UPDATE cust_main SET mobile = '(555) 303-4455', ss_enc = '\\x01'::bytea,"
        + " ss_mask = 'xxx-xx-1234', bill_locationnum = ?, ship_locationnum = ? WHERE custnum = ?",
        billing, service, custnum);

    Object[] customers = (Object[]) gateway.call("agent_list_customers", Map.of("session_id",
        reseller.login(gateway), "search", "555-303-4455")).get("customers");
    assertThat(customers).hasSize(1);
    Map<?, ?> c = (Map<?, ?>) customers[0];
    assertThat(c.get("custnum")).isEqualTo(String.valueOf(custnum));
    assertThat(c.get("mobile")).isEqualTo("(555) 303-4455");
    assertThat(c.get("ss")).isEqualTo("xxx-xx-1234");
    assertThat(c.containsKey("ss_enc") || c.containsKey("ss_mask")).isFalse();
    assertThat(c.get("bill_locationnum")).isEqualTo(String.valueOf(billing));
    assertThat(c.get("ship_locationnum")).isEqualTo(String.valueOf(service));
    assertThat(c.get("address1")).isEqualTo("1 Billing Ave");
    assertThat(c.get("county")).isEqualTo("DuPage");
  }

  private static long location(long custnum, String address1, String county) {
    return ((Number) TestData.scalar("INSERT INTO cust_location (custnum, address1, city, state, zip, country,"
        + " county) VALUES (?, ?, 'Chicago', 'IL', '60601', 'US', ?) RETURNING locationnum", custnum, address1,
        county)).longValue();
  }
}
