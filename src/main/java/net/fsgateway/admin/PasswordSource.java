package net.fsgateway.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** Where {@code admin agent create} reads the new password from: at most one option, a no-echo prompt otherwise. */
final class PasswordSource {
  @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
  boolean stdin;

  @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
  Path file;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "The password itself. Visible to other users "
      + "in 'ps' and kept in shell history: prefer --password-stdin or the prompt.")
  String literal;

  static char[] read(PasswordSource source, InputStream in) {
    if (source == null) {
      return prompt();
    }
    if (source.literal != null) {
      return source.literal.toCharArray();
    }
    try {
      if (source.file != null) {
        try (BufferedReader r = Files.newBufferedReader(source.file, StandardCharsets.UTF_8)) {
          return firstLine(r, "password file " + source.file);
        }
      }
      return firstLine(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "standard input");
    } catch (IOException e) {
      throw new AdminException("cannot read the password: " + e.getMessage());
    }
  }

  private static char[] firstLine(BufferedReader reader, String where) throws IOException {
    String line = reader.readLine();
    if (line == null) {
      throw new AdminException("no password on " + where);
    }
    return line.toCharArray();
  }

  private static char[] prompt() {
    Console console = System.console();
    if (console == null) {
      throw new AdminException("no terminal to prompt for the password: use --password-stdin or --password-file");
    }
    char[] first = console.readPassword("New agent password: ");
    char[] again = console.readPassword("Repeat the password: ");
    if (first == null || again == null || !Arrays.equals(first, again)) {
      throw new AdminException("the passwords do not match");
    }
    Arrays.fill(again, '\0');
    return first;
  }
}
