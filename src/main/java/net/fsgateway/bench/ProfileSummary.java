package net.fsgateway.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a CPU and an allocation profile of the gateway (async-profiler, collapsed, {@code --total}) into markdown:
 * the share of CPU time and allocated bytes per {@link ProfileCategories category}, both also per call, then the
 * frames that own the most CPU and the biggest allocation sites per call. {@code calls} is how many calls the
 * gateway answered while the profiles were taken (the driver's count over the same window).
 */
public final class ProfileSummary {
  private static final int TOP = 15;

  private ProfileSummary() {
  }

  public static String format(CollapsedStacks cpu, CollapsedStacks alloc, long calls) {
    if (calls <= 0) {
      throw new IllegalArgumentException("calls must be > 0");
    }
    Map<String, Long> cpuBy = byCategory(cpu, false);
    Map<String, Long> allocBy = byCategory(alloc, true);
    long cpuTotal = cpu.total();
    long allocTotal = alloc.total();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d calls; gateway CPU %.1f µs per call, %,.0f bytes allocated per call "
        + "(sampled: shares are what counts).%n%n", calls, cpuTotal / 1000.0 / calls, (double) allocTotal / calls));
    out.append("| where | CPU % | CPU µs/call | alloc % | alloc bytes/call |\n|---|---:|---:|---:|---:|\n");
    for (String category : ProfileCategories.ALL) {
      long c = cpuBy.getOrDefault(category, 0L);
      long a = allocBy.getOrDefault(category, 0L);
      if (c == 0 && a == 0) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %,.0f |%n", category, percent(c, cpuTotal),
          c / 1000.0 / calls, percent(a, allocTotal), (double) a / calls));
    }
    out.append(String.format(Locale.ROOT, "| **total** | 100 | %.2f | 100 | %,.0f |%n%n", cpuTotal / 1000.0 / calls,
        (double) allocTotal / calls));
    out.append("Frames that own the most CPU (the frame that decided the category):\n\n");
    out.append("| CPU µs/call | CPU % | frame | where |\n|---:|---:|---|---|\n");
    top(cpu, false).forEach(e -> out.append(String.format(Locale.ROOT, "| %.2f | %.1f | `%s` | %s |%n",
        e.getValue() / 1000.0 / calls, percent(e.getValue(), cpuTotal), e.getKey().frame(), e.getKey().category())));
    out.append("\nTop allocation sites (allocated type, the frame that allocated it, and the owner):\n\n");
    out.append("| bytes/call | alloc % | type | allocated in | owner frame | where |\n|---:|---:|---|---|---|---|\n");
    top(alloc, true).forEach(e -> out.append(String.format(Locale.ROOT, "| %,.0f | %.1f | `%s` | `%s` | `%s` | %s |%n",
        (double) e.getValue() / calls, percent(e.getValue(), allocTotal), e.getKey().type(), e.getKey().site(),
        e.getKey().frame(), e.getKey().category())));
    return out.toString();
  }

  private record Site(String category, String frame, String type, String site) {
  }

  private static Map<String, Long> byCategory(CollapsedStacks stacks, boolean allocation) {
    Map<String, Long> by = new HashMap<>();
    for (CollapsedStacks.Stack s : stacks.stacks()) {
      by.merge(ProfileCategories.of(allocation ? allocationFrames(s.frames()) : s.frames()), s.value(), Long::sum);
    }
    return by;
  }

  private static List<Map.Entry<Site, Long>> top(CollapsedStacks stacks, boolean allocation) {
    Map<Site, Long> by = new HashMap<>();
    for (CollapsedStacks.Stack s : stacks.stacks()) {
      List<String> frames = allocation ? allocationFrames(s.frames()) : s.frames();
      ProfileCategories.Attribution owner = ProfileCategories.attribute(frames);
      String type = allocation && frames.size() < s.frames().size() ? ProfileCategories.normalise(leaf(s.frames())) : "";
      String site = allocation && !frames.isEmpty() ? ProfileCategories.normalise(leaf(frames)) : "";
      by.merge(new Site(owner.category(), owner.frame(), type, site), s.value(), Long::sum);
    }
    return by.entrySet().stream().sorted(Map.Entry.<Site, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP).toList();
  }

  /**
   * An allocation stack's leaf is the allocated type ({@code byte[]_[i]}, {@code java.lang.String_[k]}), not a
   * frame: it is left out so that a Netty buffer type does not make every allocation Netty's.
   */
  static List<String> allocationFrames(List<String> frames) {
    return frames.isEmpty() ? frames : frames.subList(0, frames.size() - 1);
  }

  private static String leaf(List<String> frames) {
    return frames.get(frames.size() - 1);
  }

  private static double percent(long part, long total) {
    return total == 0 ? 0 : 100.0 * part / total;
  }
}
