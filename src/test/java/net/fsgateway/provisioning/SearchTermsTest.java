package net.fsgateway.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a search string is read, as Freeside's smart_search reads it. */
class SearchTermsTest {
  @Test
  void digitsAreACustomerNumberAndTenOfThemAPhoneToo() {
    assertThat(SearchTerms.parse(" 42 ")).isEqualTo(new SearchTerms(42L, "", "", "", "", "", ""));
    assertThat(SearchTerms.parse("5552013344")).isEqualTo(new SearchTerms(5552013344L, "5552013344", "", "", "", "",
        ""));
    assertThat(SearchTerms.parse("+1 (555) 201-3344").phone()).isEqualTo("5552013344");
    assertThat(SearchTerms.parse("555 201 3344 12").phone()).isEqualTo("555201334412");
    // As Freeside: an 'x' is a word character, so "…3344 x12" is no phone search.
    assertThat(SearchTerms.parse("555-201-3344 x12").phone()).isEmpty();
  }

  @Test
  void anAddressIsAnInvoicingEmail() {
    assertThat(SearchTerms.parse("Ann@Example.org")).isEqualTo(new SearchTerms(null, "", "ann@example.org", "", "",
        "", ""));
  }

  @Test
  void namesInFreesidesForms() {
    assertThat(SearchTerms.parse("Globex Corp (Reyes, Cy)"))
        .isEqualTo(new SearchTerms(null, "", "", "cy", "reyes", "globex corp", ""));
    assertThat(SearchTerms.parse("Walker, Ann")).isEqualTo(new SearchTerms(null, "", "", "ann", "walker", "",
        "walker, ann"));
    assertThat(SearchTerms.parse("Ann  Walker")).isEqualTo(new SearchTerms(null, "", "", "ann", "walker", "",
        "ann  walker"));
    assertThat(SearchTerms.parse("Smith")).isEqualTo(new SearchTerms(null, "", "", "", "", "", "smith"));
    assertThat(SearchTerms.parse("   ")).isEqualTo(SearchTerms.NONE);
  }
}
