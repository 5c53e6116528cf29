/**
 * Prints the argon2id PHC hash of $BENCH_AGENT_PASSWORD with the gateway's own AgentPasswords, for seeding the
 * bench agent with psql. Run with Java's single-file launcher: java -cp target/fs-gateway.jar HashPassword.java
 */
public final class HashPassword {
  public static void main(String[] args) {
    String password = System.getenv("BENCH_AGENT_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("set BENCH_AGENT_PASSWORD");
      System.exit(2);
    }
    System.out.println(net.fsgateway.security.AgentPasswords.hash(password.toCharArray()));
  }
}
