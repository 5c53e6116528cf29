package net.fsgateway.provisioning;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer search string asks for, read as Freeside's smart_search reads it: a customer number (digits),
 * a phone number (10 digits, optional leading 1 and extension; punctuation ignored), an invoicing e-mail address
 * (contains {@code @}), "Company (Last, First)", "Last, First", "First Last", or one value matched exactly against
 * first name, last name or company — and, as our stand-in for Freeside's fuzzy match, as a substring of last name
 * or company. Every text is lower-cased; '' means "not asked".
 *
 * @param custnum a customer number, or null
 * @param phone   phone digits without a leading 1 (compared with daytime, night, mobile, fax digits), or ''
 */
record SearchTerms(Long custnum, String phone, String email, String first, String last, String company,
                   String value) {
  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern PHONE = Pattern.compile("1?(\\d{10}\\d*)");
  private static final Pattern COMPANY_CONTACT = Pattern.compile("(\\S.*\\S)\\s+\\((.+), ([^,]+)\\)");
  private static final Pattern LAST_FIRST = Pattern.compile("(.+),\\s*([^,]+)");
  private static final Pattern FIRST_LAST = Pattern.compile("(\\S+)\\s+(?:\\S+\\s+)*?(\\S+)");

  static final SearchTerms NONE = new SearchTerms(null, "", "", "", "", "", "");

  static SearchTerms parse(String search) {
    String s = search.strip();
    if (s.isEmpty()) {
      return NONE;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    Matcher phone = PHONE.matcher(s.replaceAll("\\W", ""));
    String phoneDigits = phone.matches() ? phone.group(1) : "";
    if (s.contains("@")) {
      return new SearchTerms(null, phoneDigits, lower, "", "", "", "");
    }
    if (DIGITS.matcher(s).matches()) {
      return new SearchTerms(Long.valueOf(s), phoneDigits, "", "", "", "", "");
    }
    Matcher full = COMPANY_CONTACT.matcher(lower);
    if (full.matches()) {
      return new SearchTerms(null, phoneDigits, "", full.group(3).strip(), full.group(2).strip(),
          full.group(1).strip(), "");
    }
    Matcher lastFirst = LAST_FIRST.matcher(lower);
    if (lastFirst.matches()) {
      return new SearchTerms(null, phoneDigits, "", lastFirst.group(2).strip(), lastFirst.group(1).strip(), "",
          lower);
    }
    Matcher firstLast = FIRST_LAST.matcher(lower);
    if (firstLast.matches()) {
      return new SearchTerms(null, phoneDigits, "", firstLast.group(1), firstLast.group(2), "", lower);
    }
    return new SearchTerms(null, phoneDigits, "", "", "", "", lower);
  }
}
