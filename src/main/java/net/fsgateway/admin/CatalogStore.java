package net.fsgateway.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * What shapes a signup besides agents and packages, written in the admin command's transaction: registration
 * codes (reg_code + reg_code_pkg), a package's promotional code and payment types, advertising sources
 * (part_referral) and the locations customers may have (cust_main_county).
 */
final class CatalogStore {
  private static final String INSERT_REG_CODE = "INSERT INTO reg_code (code, agentnum) VALUES (?, ?)"
      + " ON CONFLICT DO NOTHING RETURNING codenum";
  private static final String INSERT_REG_CODE_PKG = "INSERT INTO reg_code_pkg (codenum, pkgpart) VALUES (?, ?)";
  private static final String SET_PACKAGE_SIGNUP = "UPDATE part_pkg SET promo_code = COALESCE(?, promo_code),"
      + " paybys = CASE WHEN ? THEN ?::text[] ELSE paybys END WHERE pkgpart = ?";
  private static final String INSERT_REFERRAL = "INSERT INTO part_referral (referral, agentnum) VALUES (?, ?)"
      + " RETURNING refnum";
  private static final String INSERT_LOCATION = "INSERT INTO cust_main_county (country, state, county)"
      + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

  private final Connection c;
  private final AdminStore store;

  CatalogStore(Connection c, AdminStore store) {
    this.c = c;
    this.store = store;
  }

  /** {@code count} new random codes, each granting the agent's customers the packages; returns the codes. */
  List<String> createRegCodes(String agentUsername, List<Long> pkgparts, int count) throws SQLException {
    long agentnum = store.agentnum(agentUsername);
    for (long pkgpart : pkgparts) {
      store.requirePackage(pkgpart);
    }
    List<String> codes = new ArrayList<>(count);
    try (PreparedStatement code = c.prepareStatement(INSERT_REG_CODE);
         PreparedStatement pkg = c.prepareStatement(INSERT_REG_CODE_PKG)) {
      while (codes.size() < count) {
        String text = Codes.prepaidIdentifier();
        code.setString(1, text);
        code.setLong(2, agentnum);
        try (ResultSet r = code.executeQuery()) {
          if (!r.next()) {
            continue; // an astronomically unlikely collision with an existing code: draw again
          }
          for (long pkgpart : pkgparts) {
            pkg.setLong(1, r.getLong(1));
            pkg.setLong(2, pkgpart);
            pkg.executeUpdate();
          }
        }
        codes.add(text);
      }
    }
    return codes;
  }

  /** {@code promoCode} null: unchanged ('' clears it); {@code paybys} null: unchanged (empty: every type). */
  void setPackageSignup(long pkgpart, String promoCode, List<String> paybys) throws SQLException {
    store.requirePackage(pkgpart);
    try (PreparedStatement s = c.prepareStatement(SET_PACKAGE_SIGNUP)) {
      if (promoCode == null) {
        s.setNull(1, Types.VARCHAR);
      } else {
        s.setString(1, promoCode.isEmpty() ? null : promoCode);
      }
      s.setBoolean(2, paybys != null);
      s.setArray(3, paybys == null || paybys.isEmpty() ? null : c.createArrayOf("text", paybys.toArray()));
      s.setLong(4, pkgpart);
      s.executeUpdate();
    }
  }

  long createReferral(String name, String agentUsername) throws SQLException {
    Long agentnum = agentUsername == null ? null : store.agentnum(agentUsername);
    try (PreparedStatement s = c.prepareStatement(INSERT_REFERRAL)) {
      s.setString(1, name);
      if (agentnum == null) {
        s.setNull(2, Types.BIGINT);
      } else {
        s.setLong(2, agentnum);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Whether the row was new. */
  boolean addLocation(String country, String state, String county) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_LOCATION)) {
      s.setString(1, country);
      s.setString(2, state);
      s.setString(3, county);
      return s.executeUpdate() == 1;
    }
  }
}
