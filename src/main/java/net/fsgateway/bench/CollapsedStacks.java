package net.fsgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * async-profiler's collapsed output: one line per distinct stack, frames root first separated by ';', then a space
 * and the stack's total (nanoseconds of CPU with {@code -e cpu --total}, bytes with {@code -e alloc --total}).
 */
public record CollapsedStacks(List<Stack> stacks) {

  /** One stack, root first, and its total. */
  public record Stack(List<String> frames, long value) {
  }

  public static CollapsedStacks read(Path file) throws IOException {
    return parse(Files.readAllLines(file));
  }

  public static CollapsedStacks parse(List<String> lines) {
    List<Stack> stacks = new ArrayList<>();
    for (String line : lines) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      try {
        long value = Long.parseLong(line.substring(space + 1).trim());
        stacks.add(new Stack(List.of(line.substring(0, space).split(";")), value));
      } catch (NumberFormatException e) {
        // not a stack line (a header or a truncated last line): skipped
      }
    }
    return new CollapsedStacks(List.copyOf(stacks));
  }

  public long total() {
    return stacks.stream().mapToLong(Stack::value).sum();
  }
}
