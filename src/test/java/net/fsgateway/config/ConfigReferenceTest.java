package net.fsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference (src/docs/configuration.md, linked from the README) and conf/gateway.json list exactly
 * the keys the code reads, with the code's defaults and environment names, so documentation and code cannot drift.
 */
class ConfigReferenceTest {
  static final Path REFERENCE = Path.of("src", "docs", "configuration.md");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|\\s*`?([^|`]*)`?\\s*\\|(.*)\\|\\s*$");

  @Test
  void theReferenceListsEveryKeyTheCodeReadsAndNothingElse() throws IOException {
    ConfigSource code = ConfigLoader.builtInDefaults();
    Map<String, Row> rows = referenceRows();

    assertThat(rows.keySet()).as("keys in %s", REFERENCE).containsExactlyInAnyOrderElementsOf(code.keysRead());
    for (Row row : rows.values()) {
      assertThat(row.envVar()).as("env var of %s", row.key()).isEqualTo(ConfigSource.envName(row.key()));
      assertThat(row.defaultValue()).as("default of %s", row.key()).isEqualTo(code.valueRead(row.key()));
      assertThat(row.meaning()).as("meaning of %s", row.key()).isNotBlank();
    }
  }

  @Test
  void theReadmeLinksTheReference() throws IOException {
    assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains("(" + REFERENCE + ")");
  }

  @Test
  void theShippedFileHasEveryKeyWithItsDefault() throws IOException {
    ConfigSource code = ConfigLoader.builtInDefaults();
    Map<String, String> file = new LinkedHashMap<>();
    flatten("", new JsonObject(Files.readString(ConfigLoader.DEFAULT_FILE, StandardCharsets.UTF_8)), file);

    assertThat(file.keySet()).as("keys in conf/gateway.json").containsExactlyInAnyOrderElementsOf(code.keysRead());
    file.forEach((key, value) -> assertThat(value).as("conf/gateway.json %s", key).isEqualTo(code.valueRead(key)));
  }

  @Test
  void aTableWithAnUnknownOrMissingKeyWouldFail() {
    // The parser must see rows, or the first test would pass on an empty or reformatted table.
    Map<String, Row> rows = parse(List.of("| key | default | env var | meaning |", "|---|---|---|---|",
        "| `pg.port` | `5432` | `GW_PG_PORT` | port |", "| `pg.host` | *empty* | `GW_PG_HOST` | host |"));
    assertThat(rows).containsOnlyKeys("pg.port", "pg.host");
    assertThat(rows.get("pg.host").defaultValue()).isEmpty();
    assertThat(rows.get("pg.port").envVar()).isEqualTo("GW_PG_PORT");
  }

  static Map<String, Row> referenceRows() throws IOException {
    Map<String, Row> rows = parse(Files.readAllLines(REFERENCE, StandardCharsets.UTF_8));
    assertThat(rows).as("rows parsed from %s", REFERENCE).isNotEmpty();
    return rows;
  }

  private static Map<String, Row> parse(List<String> lines) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String key = m.group(1);
        Row previous = rows.put(key, new Row(key, defaultCell(m.group(2)), m.group(3).trim(), m.group(4).trim()));
        assertThat(previous).as("%s listed twice", key).isNull();
      }
    }
    return rows;
  }

  private static String defaultCell(String cell) {
    String text = cell.trim();
    if (text.equals("*empty*")) {
      return "";
    }
    assertThat(text).as("a default is `value` or *empty*: %s", text).startsWith("`").endsWith("`");
    return text.substring(1, text.length() - 1);
  }

  private static void flatten(String prefix, JsonObject object, Map<String, String> out) {
    for (String name : object.fieldNames()) {
      Object value = object.getValue(name);
      if (value instanceof JsonObject child) {
        flatten(prefix + name + ".", child, out);
      } else {
        out.put(prefix + name, String.valueOf(value));
      }
    }
  }

  record Row(String key, String defaultValue, String envVar, String meaning) {
  }
}
