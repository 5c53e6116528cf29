package net.fsgateway.deploy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slim jar's class path, made from this test JVM's: the main classes and every dependency jar except the ones the
 * pom's {@code slim} shade execution excludes (read from pom.xml, so the test follows the artifact's definition).
 */
final class SlimClasspath {
  private SlimClasspath() {
  }

  /** {@code groupId:artifactId} patterns ({@code *} allowed) excluded from target/fs-gateway-slim.jar. */
  static List<String> excludedArtifacts() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher slim = Pattern.compile("<id>slim</id>.*?<artifactSet>\\s*<excludes>(.*?)</excludes>", Pattern.DOTALL).matcher(pom);
    if (!slim.find()) {
      throw new IllegalStateException("pom.xml has no slim shade execution with artifactSet excludes");
    }
    List<String> patterns = new ArrayList<>();
    Matcher exclude = Pattern.compile("<exclude>([^<]+)</exclude>").matcher(slim.group(1));
    while (exclude.find()) {
      patterns.add(exclude.group(1).trim());
    }
    return patterns;
  }

  static String build() throws IOException {
    List<String> excluded = excludedArtifacts();
    List<String> kept = new ArrayList<>();
    for (Path entry : testClasspath()) {
      String coordinates = coordinates(entry);
      boolean drop = entry.endsWith("test-classes") || coordinates != null && excluded.stream().anyMatch(p -> matches(p, coordinates));
      if (!drop) {
        kept.add(entry.toString());
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  /** The entries of java.class.path, expanding surefire's manifest-only booter jar. */
  static List<Path> testClasspath() throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String item : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(item);
      if (path.getFileName().toString().startsWith("surefirebooter") && item.endsWith(".jar")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
            if (!url.isBlank()) {
              entries.add(Path.of(URI.create(url.startsWith("file:") ? url : path.getParent().toUri().resolve(url).toString())));
            }
          }
        }
      } else {
        entries.add(path);
      }
    }
    return entries;
  }

  /** {@code groupId:artifactId} of a jar in the local Maven repository, or null. */
  static String coordinates(Path jar) {
    String text = jar.toString().replace(File.separatorChar, '/');
    int repo = text.indexOf("/repository/");
    if (repo < 0 || !text.endsWith(".jar")) {
      return null;
    }
    String[] parts = text.substring(repo + "/repository/".length()).split("/");
    if (parts.length < 4) {
      return null;
    }
    String artifact = parts[parts.length - 3];
    String group = String.join(".", java.util.Arrays.copyOfRange(parts, 0, parts.length - 3));
    return group + ":" + artifact;
  }

  private static boolean matches(String pattern, String coordinates) {
    String[] p = pattern.split(":");
    String[] c = coordinates.split(":");
    return (p[0].equals("*") || p[0].equals(c[0])) && (p.length < 2 || p[1].equals("*") || p[1].equals(c[1]));
  }
}
