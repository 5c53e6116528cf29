package net.fsgateway.bench;

/** new_customer signups with distinct usernames, charged through the test processor; error must be ''. */
final class NewCustomerScenario extends SessionScenario {
  private final Signups signups = new Signups();

  NewCustomerScenario(BenchSettings settings) {
    super(settings);
  }

  @Override
  protected boolean needsPackage() {
    return true;
  }

  @Override
  public Call next() {
    return signups.call(sessionId, catalog);
  }
}
