package net.fsgateway;

import picocli.CommandLine.Command;

/** Runs the gateway until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway (the default command).")
final class ServeCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("serve: wired in by the gateway core");
  }
}
