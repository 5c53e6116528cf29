package net.fsgateway.billing;

/** ABA routing transit numbers: nine digits whose weighted sum (3, 7, 1 repeating) is a multiple of ten. */
public final class RoutingNumbers {
  private static final int[] WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7, 1};

  private RoutingNumbers() {
  }

  public static boolean valid(String aba) {
    if (aba.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = aba.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return sum % 10 == 0 && !aba.equals("000000000");
  }
}
