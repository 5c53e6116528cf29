package net.fsgateway;

import net.fsgateway.admin.AdminCommand;
import net.fsgateway.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code serve} (the default) runs the gateway, {@code admin} is the vendor's administration. */
@Command(name = "fs-gateway", mixinStandardHelpOptions = true,
    description = "Freeside reseller XML-RPC gateway.",
    subcommands = {ServeCommand.class, AdminCommand.class, BenchCommand.class})
public final class GatewayMain implements Runnable {

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"serve"} : args;
    int exit = new CommandLine(new GatewayMain()).execute(effective);
    if (exit != 0 || !"serve".equals(effective[0])) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
