package net.fsgateway.admin;

import picocli.CommandLine.Command;

/** Vendor administration: agents, packages, domains, prepaid cards. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Vendor administration.")
public final class AdminCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("admin: not wired yet");
  }
}
