package net.fsgateway.bench;

import java.time.Duration;

/**
 * One run of the driver, validated. {@code rate} 0 means closed loop ({@code concurrency} workers, each sending its
 * next request when the previous answer arrives); otherwise open loop at {@code rate} requests per second over
 * {@code concurrency} connections. {@code maxRequests} 0 means "until the duration is up".
 */
public record BenchSettings(LocalTarget target, String scenario, int concurrency, double rate, Duration duration,
                            Duration warmup, long maxRequests, String username, String password, String domain,
                            Long pkgpart, Duration requestTimeout) {
  public BenchSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be >= 1");
    }
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must be > 0");
    }
    if (duration.isZero() && maxRequests <= 0) {
      throw new IllegalArgumentException("give a --duration or a --requests bound: the run must stop by itself");
    }
  }

  public boolean openLoop() {
    return rate > 0;
  }

  /** The labels of the {@code SUMMARY} line. */
  public String labels() {
    return "scenario=" + scenario + " mode=" + (openLoop() ? "open rate=" + rate : "closed") + " concurrency="
        + concurrency + " url=" + target;
  }
}
