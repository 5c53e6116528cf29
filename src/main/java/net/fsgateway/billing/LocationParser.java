package net.fsgateway.billing;

import java.util.Locale;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The billing and service locations of a new_customer call, read as Freeside's Signup.pm reads them: the billing
 * address from {@code bill_X}, else {@code X}; a service location from {@code ship_X} only when
 * {@code ship_address1} is given and the address differs from the billing one. Each is checked as Freeside's
 * cust_location check does (the state against the location table is checked later, by {@link SignupChecks}).
 */
final class LocationParser {
  static final int MAX = 80;

  private LocationParser() {
  }

  static SignupRequest.Location bill(XStruct p) {
    return location(p, "bill_", true);
  }

  /** The service location, or null when none was sent or it is the billing address. */
  static SignupRequest.Location ship(XStruct p, SignupRequest.Location bill) {
    if (Fields.trimmed(p, "ship_address1").isEmpty()) {
      return null;
    }
    SignupRequest.Location ship = location(p, "ship_", false);
    return ship.equals(bill) ? null : ship;
  }

  private static SignupRequest.Location location(XStruct p, String prefix, boolean fallBack) {
    String locationname = text(p, prefix, "locationname", fallBack, false);
    String address1 = text(p, prefix, "address1", fallBack, true);
    String address2 = text(p, prefix, "address2", fallBack, false);
    String city = text(p, prefix, "city", fallBack, true);
    String county = text(p, prefix, "county", fallBack, false);
    String state = text(p, prefix, "state", fallBack, false).toUpperCase(Locale.ROOT);
    String countryText = field(p, prefix, "country", fallBack);
    String country = Countries.code(countryText)
        .orElseThrow(() -> FieldTexts.illegalCountry("country", countryText));
    String zipText = field(p, prefix, "zip", fallBack);
    String zip = Addresses.postalCode(zipText, country)
        .orElseThrow(() -> FieldTexts.illegalZip("zip", zipText, country));
    return new SignupRequest.Location(locationname, address1, address2, city, county, state, zip, country);
  }

  /** {@code prefix + name}, else (for the billing address) the unprefixed name, as Perl's {@code ||} picks. */
  private static String field(XStruct p, String prefix, String name, boolean fallBack) {
    String value = Fields.trimmed(p, prefix + name);
    return value.isEmpty() && fallBack ? Fields.trimmed(p, name) : value;
  }

  private static String text(XStruct p, String prefix, String name, boolean fallBack, boolean required) {
    String value = field(p, prefix, name, fallBack);
    if (value.isEmpty() && !required) {
      return value;
    }
    if (!Addresses.text(value)) {
      throw FieldTexts.illegalText(name, value);
    }
    if (value.length() > MAX) {
      throw FieldTexts.tooLong(name, MAX);
    }
    return value;
  }
}
