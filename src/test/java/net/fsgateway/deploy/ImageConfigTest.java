package net.fsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Jib image (pom.xml, profile {@code image}) and the slim jar leave out the same jars, and the image runs as the
 * Deployment expects: its user, its ports, a bounded heap. (Building the image needs a registry for the base image;
 * README, Kubernetes, has the commands.)
 */
class ImageConfigTest {

  @Test
  void theImageDropsEveryJarTheSlimJarDrops() throws Exception {
    List<PathMatcher> filters = new ArrayList<>();
    for (String glob : all("<filter><glob>([^<]+)</glob></filter>")) {
      filters.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(glob.lastIndexOf('/') + 1)));
    }
    assertThat(filters).isNotEmpty();
    List<String> excluded = SlimClasspath.excludedArtifacts();
    String slim = SlimClasspath.build();
    int dropped = 0;
    for (Path jar : SlimClasspath.testClasspath()) {
      String coordinates = SlimClasspath.coordinates(jar);
      if (coordinates != null && !slim.contains(jar.toString())) {
        assertThat(filters).as("a Jib layer filter for %s (%s)", jar.getFileName(), coordinates)
            .anyMatch(f -> f.matches(jar.getFileName()));
        dropped++;
      }
    }
    assertThat(dropped).as("jars the slim class path leaves out").isGreaterThanOrEqualTo(excluded.size());
  }

  @Test
  void theImageRunsAsTheDeploymentExpects() throws Exception {
    assertThat(one("<container>.*?<user>([^<]+)</user>")).isEqualTo("65532:65532");
    assertThat(all("<jvmFlag>([^<]+)</jvmFlag>")).contains("-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError");
    List<String> ports = all("<port>(\\d+)</port>");
    assertThat(one("<args><arg>([^<]+)</arg></args>")).isEqualTo("serve");

    assumeTrue(Kustomize.kubectl() != null, Kustomize.MISSING);
    Manifests production = ManifestTest.built("production");
    assertThat(String.valueOf(production.gateway().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()))
        .isEqualTo(one("<container>.*?<user>(\\d+):").trim());
    assertThat(production.container().getPorts()).extracting(ContainerPort::getContainerPort)
        .allMatch(p -> ports.contains(Integer.toString(p)));
  }

  private static String one(String regex) throws Exception {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(imageProfile());
    assertThat(m.find()).as("pom.xml image profile has %s", regex).isTrue();
    return m.group(1);
  }

  private static List<String> all(String regex) throws Exception {
    Matcher m = Pattern.compile(regex).matcher(imageProfile());
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String imageProfile() throws Exception {
    String pom = ManifestTest.read(Path.of("pom.xml"));
    int start = pom.indexOf("<id>image</id>");
    assertThat(start).as("pom.xml has the image profile").isPositive();
    return pom.substring(start, pom.indexOf("</profile>", start));
  }
}
