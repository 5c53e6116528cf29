package net.fsgateway.bench;

import java.util.concurrent.TimeUnit;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.security.ServicePasswords;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What one password hash costs: the service-account schemes (paid on every signup) and the agent login hash
 * (paid on every agent_login). Run with the JMH command in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasswordCostBenchmark {
  private final ServicePasswords ssha512 = new ServicePasswords(ServicePasswords.SSHA512, 5000);
  private final ServicePasswords sha512Crypt = new ServicePasswords(ServicePasswords.SHA512_CRYPT, 5000);
  private final String agentHash = AgentPasswords.hash("correct horse battery".toCharArray());

  @Benchmark
  public String serviceSsha512() {
    return ssha512.hash("s33kret-Pw");
  }

  @Benchmark
  public String serviceSha512Crypt5000() {
    return sha512Crypt.hash("s33kret-Pw");
  }

  @Benchmark
  public boolean agentArgon2idVerify() {
    return AgentPasswords.verify(agentHash, "correct horse battery".toCharArray());
  }
}
