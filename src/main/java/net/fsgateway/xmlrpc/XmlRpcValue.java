package net.fsgateway.xmlrpc;

/**
 * One XML-RPC value: a closed set of variants, so every consumer can switch over them exhaustively.
 *
 * <p>Scalars that clients type by guessing (numbers, booleans, doubles, dates) keep the lexical text exactly
 * as it arrived, because Perl clients send every all-digit string as {@code <i4>}: a card number or a zip code
 * with a leading zero must reach a string field unchanged. See {@link Scalars} for reading a field by meaning.
 */
public sealed interface XmlRpcValue
    permits XString, XInt, XI8, XBoolean, XDouble, XDateTime, XBase64, XStruct, XArray, XNil {
}
