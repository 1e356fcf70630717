using System;
using System.Text;
using System.Threading;

namespace QgaKit.Json;

/// <summary>
/// Every error text of the JSON layer, exactly as qemu-ga's <c>json-streamer.c</c> / <c>json-parser.c</c> word them
/// (reference sections 1.4 and 1.6). One place, so a compatibility change is one edit.
/// </summary>
public static class JsonErrors
{
    public const string Prefix = "JSON parse error, ";

    public const string TokenSizeLimitExceeded = "JSON token size limit exceeded";
    public const string TokenCountLimitExceeded = "JSON token count limit exceeded";
    public const string NestingDepthLimitExceeded = "JSON nesting depth limit exceeded";

    public const string ExpectingValue = Prefix + "expecting value";
    public const string DuplicateKey = Prefix + "duplicate key";
    public const string InvalidEscape = Prefix + "invalid escape sequence in string";
    public const string InvalidUtf8 = Prefix + "invalid UTF-8 sequence in string";
    public const string KeyIsNotString = Prefix + "key is not a string in object";
    public const string MissingColon = Prefix + "missing : in object pair";

    /// <summary>qemu-ga has this text, but its parser reports the value's own error first, so it never shows.</summary>
    public const string MissingValueInDict = Prefix + "Missing value in dict";

    public const string ExpectedSeparatorInDict = Prefix + "expected separator in dict";
    public const string ExpectedSeparatorInList = Prefix + "expected separator in list";

    /// <summary>Only reachable when a message is parsed before it is complete, which qemu-ga's streamer never does.</summary>
    public const string PrematureEoi = Prefix + "premature EOI";

    /// <summary><c>JSON parse error, stray '\uFFFD'</c>: the reply to every 0xFF/0xFE byte.</summary>
    public static readonly string StrayReplacement = Prefix + "stray '\uFFFD'";

    private static readonly string?[] SingleByteStray = new string?[256];

    /// <summary><c>stray '&lt;token&gt;'</c>. The token is C text in qemu-ga: it ends at a NUL byte and invalid UTF-8
    /// becomes U+FFFD when the reply is written. Single-byte tokens are cached (no allocation per garbage byte).</summary>
    internal static string Stray(ReadOnlySpan<byte> token)
    {
        if (token.Length == 1)
        {
            var cached = Volatile.Read(ref SingleByteStray[token[0]]);
            if (cached is null)
            {
                cached = Prefix + "stray '" + ModifiedUtf8.ToCString(token) + "'";
                Volatile.Write(ref SingleByteStray[token[0]], cached);
            }

            return cached;
        }

        return Prefix + "stray '" + ModifiedUtf8.ToCString(token) + "'";
    }

    /// <summary><c>invalid keyword '&lt;word&gt;'</c> (a lexer keyword is <c>[a-z]+</c>, so plain ASCII).</summary>
    internal static string InvalidKeyword(ReadOnlySpan<byte> word)
    {
        return string.Concat(Prefix + "invalid keyword '", Encoding.ASCII.GetString(word), "'");
    }

    /// <summary><c>&lt;escape text&gt; is not a valid Unicode character</c>: qemu-ga quotes the raw escape
    /// (<c>\ud800</c>, <c>\u12"</c>, <c>\ud83f\udfff</c>).</summary>
    internal static string InvalidUnicodeEscape(ReadOnlySpan<byte> escapeText)
    {
        return string.Concat(Prefix, ModifiedUtf8.ToCString(escapeText), " is not a valid Unicode character");
    }
}
