package net.fsgateway.infra;

import java.util.ArrayList;
import java.util.List;
import net.fsgateway.config.GatewayConfig;

/**
 * What {@link Backends#start} brought up. {@code config} has the real PostgreSQL host/port and Redis URL filled in;
 * {@code freshDatabase} is true when the embedded database was created by this start (the demo seed runs then);
 * {@link #close()} stops only what this start launched, Redis first.
 */
public record StartedBackends(GatewayConfig config, boolean freshDatabase, List<AutoCloseable> owned)
    implements AutoCloseable {

  public StartedBackends {
    owned = List.copyOf(owned);
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(owned);
    java.util.Collections.reverse(reversed);
    RuntimeException failure = null;
    for (AutoCloseable c : reversed) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("stopping embedded backends failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
