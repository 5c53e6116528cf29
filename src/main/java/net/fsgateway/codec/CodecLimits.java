package net.fsgateway.codec;

/**
 * Bounds the decoder enforces while it parses, each at the event that crosses it, so a hostile body costs at most
 * these amounts of memory and time. A value at exactly a limit is accepted; one more is refused.
 *
 * @param maxBodyBytes bytes of request body (over: {@link BodyTooLargeException}, HTTP 413)
 * @param maxDepth nesting depth of value containers ({@code <struct>}, {@code <array>}); a flat struct is depth 1
 * @param maxStructMembers members in one struct
 * @param maxArrayItems items in one array
 * @param maxStringChars characters in one text node (string, member name, scalar text), after references
 * @param maxParams params in one call
 * @param maxMethodNameChars characters in the method name
 */
public record CodecLimits(
    int maxBodyBytes,
    int maxDepth,
    int maxStructMembers,
    int maxArrayItems,
    int maxStringChars,
    int maxParams,
    int maxMethodNameChars) {

  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_DEPTH = 32;
  public static final int DEFAULT_MAX_STRUCT_MEMBERS = 1024;
  public static final int DEFAULT_MAX_ARRAY_ITEMS = 10_000;
  public static final int DEFAULT_MAX_STRING_CHARS = 65_536;
  public static final int DEFAULT_MAX_PARAMS = 64;
  public static final int DEFAULT_MAX_METHOD_NAME_CHARS = 256;

  public static final CodecLimits DEFAULTS = new CodecLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH,
      DEFAULT_MAX_STRUCT_MEMBERS, DEFAULT_MAX_ARRAY_ITEMS, DEFAULT_MAX_STRING_CHARS, DEFAULT_MAX_PARAMS,
      DEFAULT_MAX_METHOD_NAME_CHARS);

  public CodecLimits {
    positive("maxBodyBytes", maxBodyBytes);
    positive("maxDepth", maxDepth);
    positive("maxStructMembers", maxStructMembers);
    positive("maxArrayItems", maxArrayItems);
    positive("maxStringChars", maxStringChars);
    positive("maxParams", maxParams);
    positive("maxMethodNameChars", maxMethodNameChars);
  }

  public CodecLimits withMaxBodyBytes(int value) {
    return new CodecLimits(value, maxDepth, maxStructMembers, maxArrayItems, maxStringChars, maxParams,
        maxMethodNameChars);
  }

  public CodecLimits withMaxDepth(int value) {
    return new CodecLimits(maxBodyBytes, value, maxStructMembers, maxArrayItems, maxStringChars, maxParams,
        maxMethodNameChars);
  }

  public CodecLimits withMaxStructMembers(int value) {
    return new CodecLimits(maxBodyBytes, maxDepth, value, maxArrayItems, maxStringChars, maxParams,
        maxMethodNameChars);
  }

  public CodecLimits withMaxArrayItems(int value) {
    return new CodecLimits(maxBodyBytes, maxDepth, maxStructMembers, value, maxStringChars, maxParams,
        maxMethodNameChars);
  }

  public CodecLimits withMaxStringChars(int value) {
    return new CodecLimits(maxBodyBytes, maxDepth, maxStructMembers, maxArrayItems, value, maxParams,
        maxMethodNameChars);
  }

  public CodecLimits withMaxParams(int value) {
    return new CodecLimits(maxBodyBytes, maxDepth, maxStructMembers, maxArrayItems, maxStringChars, value,
        maxMethodNameChars);
  }

  public CodecLimits withMaxMethodNameChars(int value) {
    return new CodecLimits(maxBodyBytes, maxDepth, maxStructMembers, maxArrayItems, maxStringChars, maxParams,
        value);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
