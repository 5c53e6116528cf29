package net.fsgateway.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.fsgateway.bench.FloorQueries;
import org.junit.jupiter.api.Test;

/** The benchmark floor runs the gateway's own statements, not copies: the very constants the services execute. */
class FloorQueriesSqlTest {
  @Test
  void theFloorReadsTheProvisioningConstants() {
    assertThat(FloorQueries.sql("CHECK_USERNAME")).isSameAs(ProvisioningQueries.CHECK_USERNAME);
    assertThat(FloorQueries.sql("AGENT_INFO")).isSameAs(ProvisioningQueries.AGENT_INFO);
    assertThat(FloorQueries.sql("AGENT_PACKAGES")).isSameAs(ProvisioningQueries.AGENT_PACKAGES);
    assertThat(FloorQueries.sql("AGENT_DOMAINS")).isSameAs(ProvisioningQueries.AGENT_DOMAINS);
  }

  @Test
  void aRenamedConstantFailsLoudly() {
    assertThatThrownBy(() -> FloorQueries.sql("NO_SUCH_QUERY"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ProvisioningQueries.NO_SUCH_QUERY");
  }
}
