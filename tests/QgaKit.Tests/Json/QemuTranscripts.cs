using System.Collections.Generic;
using System.Linq;
using Xunit;
using static QgaKit.Tests.Json.ParserHarness;

namespace QgaKit.Tests.Json;

/// <summary>One byte stream and what the parser must produce for it, from a fresh parser.</summary>
public sealed record Transcript(string Name, byte[] Input, string[] Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// Byte streams whose outcome was observed on the real qemu-ga 7.2 (reference sections 1.4-1.6, 8.1, 8.2, 11 and
/// the kit's own runs against it). <see cref="QemuGaOracleTests"/> replays every one of them against the installed qemu-ga.
/// </summary>
public static class QemuTranscripts
{
    private const string Sync1 = "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1}}";

    private static string SyncMsg(int id) => "M {\"execute\": \"guest-sync\", \"arguments\": {\"id\": " + id + "}}";

    private static string Ping(string id) => "{\"execute\":\"guest-ping\",\"id\":" + id + "}";

    private static string PingMsg(string id) => "M {\"execute\": \"guest-ping\", \"id\": " + id + "}";

    private static string Sync(int id) => "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":" + id + "}}";

    private static Transcript T(string name, string latin1Input, params string[] expected) => new(name, B(latin1Input), expected);

    public static readonly Transcript[] All =
    [
        // 8.1 protocol basics
        T("message without newline", "{\"execute\":\"guest-ping\"}", "M {\"execute\": \"guest-ping\"}"),
        T("message with CRLF", "{\"execute\":\"guest-ping\"}\r\n", "M {\"execute\": \"guest-ping\"}"),
        T("two messages in one write", Sync(1) + Sync(2) + "\n", SyncMsg(1), SyncMsg(2)),
        T("partial message waits", "{\"execute\":\"guest-sync\"\n"),
        T("partial message completes", "{\"execute\":\"guest-sync\"\n,\"arguments\":{\"id\":4}}\n", SyncMsg(4)),
        T("id of any type", "{\"id\":{\"a\":[1,2]},\"execute\":\"guest-sync\",\"arguments\":{\"id\":7}}\n",
            "M {\"id\": {\"a\": [1, 2]}, \"execute\": \"guest-sync\", \"arguments\": {\"id\": 7}}"),
        T("top-level array", "[1,2]\n", "M [1, 2]"),
        T("top-level number ends at the next byte", "123 \n", "M 123"),
        T("top-level number at end of input waits", "123"),
        T("top-level string", "\"hello\"\n", "M \"hello\""),
        T("top-level keyword", "true\n", "M true"),
        T("single-quoted strings", "{'execute':'guest-sync','arguments':{'id':11}}\n", SyncMsg(11)),
        T("escaped single quote", Ping("'a\\'b\"c'"), PingMsg("\"a'b\\\"c\"")),
        T("whitespace only", "   \n\n\t\r\n"),
        T("non-ASCII id", Ping("\"\u00C3\u00A9\u00E2\u0082\u00AC\""), PingMsg("\"\\u00E9\\u20AC\"")),
        T("escapes echo upper-case and slash stays", Ping("\"a/b\\u0001\\u007f\\u00e9\\ud83d\\ude00\""),
            PingMsg("\"a/b\\u0001\\u007F\\u00E9\\uD83D\\uDE00\"")),
        T("short escapes", Ping("\"\\b\\f\\n\\r\\t\\\"\\\\\\/\\u001f\\u0020\\u007e\\u0080\\u2028\""),
            PingMsg("\"\\b\\f\\n\\r\\t\\\"\\\\/\\u001F ~\\u0080\\u2028\"")),
        T("raw DEL and 4-byte UTF-8", Ping("\"\u007F\u00F0\u009F\u0098\u0080\""), PingMsg("\"\\u007F\\uD83D\\uDE00\"")),
        T("escaped NUL", Ping("\"\\u0000\""), PingMsg("\"\\u0000\"")),
        T("overlong C0 80 is U+0000", Ping("\"\u00C0\u0080\""), PingMsg("\"\\u0000\"")),
        T("surrogate pair escape", Ping("\"\\uD800\\uDC00\""), PingMsg("\"\\uD800\\uDC00\"")),

        // numbers as qemu holds them (integers that fit, else doubles)
        T("numbers", Ping("[1.5, -0, 1e3, 1E+3, -1.0e-5, 18446744073709551615, 18446744073709551616, 1e400, -1e400, -0.0, 1e-400, 1e16, 1e17, 0.0001, 123456.789]"),
            PingMsg("[1.5, 0, 1000, 1000, -1e-05, 18446744073709551615, 1.8446744073709552e+19, inf, -inf, -0, 0, 10000000000000000, 1e+17, 0.0001, 123456.789]")),
        T("int64 bounds", Ping("[9223372036854775807, -9223372036854775808]"), PingMsg("[9223372036854775807, -9223372036854775808]")),

        // 8.2 garbage and recovery
        T("lower-case word is a keyword", "garbage\n" + Sync1 + "\n", Parse("invalid keyword 'garbage'"), SyncMsg(1)),
        T("upper-case letter is stray", "GARBAGE TEXT\n" + Sync(2) + "\n", Stray("G"), SyncMsg(2)),
        T("bad keyword inside a message", "{\"execute\": foo}\n" + Sync(3) + "\n", Parse("invalid keyword 'foo'"), SyncMsg(3)),
        T("0xFF drops the partial message", "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":\u00FF" + Sync(5) + "\n", Stray("\uFFFD"), SyncMsg(5)),
        T("stray closing brace", "}\n", Parse("expecting value")),
        T("stray closing bracket", "]\n", Parse("expecting value")),
        T("stray colon", ":\n", Parse("expecting value")),
        T("stray comma", ",\n", Parse("expecting value")),
        T("control characters", "\u0001\u0002" + Sync(6) + "\n", Stray("\u0001"), Stray("\u0002"), SyncMsg(6)),
        T("three 0xFF", "\u00FF\u00FF\u00FF" + Sync(7) + "\n", Stray("\uFFFD"), Stray("\uFFFD"), Stray("\uFFFD"), SyncMsg(7)),
        T("0xFE", "\u00FE" + Sync(8) + "\n", Stray("\uFFFD"), SyncMsg(8)),
        T("0xFF then guest-sync-delimited", "\u00FF{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":42}}\n",
            Stray("\uFFFD"), "M {\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 42}}"),
        T("trailing garbage after a message", Sync(11) + "xyz\n", SyncMsg(11), Parse("invalid keyword 'xyz'")),
        T("raw TAB in a string", Ping("\"a\tb\""), Stray("\"a\t"), Parse("expecting value")),
        T("raw LF in a string", Ping("\"a\nb\""), Stray("\"a\n"), Parse("expecting value")),
        T("raw control characters in a string", Ping("\"\u007F\u001F\""), Stray("\"\u007F\u001F"), Parse("expecting value")),
        T("recovery can chop a request apart", "{\"execute\":\"guest-sync\",\u00FF\"arguments\":{\"id\":10}}",
            Stray("\uFFFD"), Parse("expecting value"), "M {\"id\": 10}", Parse("expecting value")),
        T("0xFF inside a string", "{\"execute\":\"a\u00FFb\"}\n", Stray("\"a\uFFFD"), Parse("expecting value")),
        T("0xFF between tokens", "[1,\u00FF2]\n", Stray("\uFFFD"), Parse("expecting value")),
        T("NUL byte is an empty stray", "\u0000\n", Stray("")),
        T("NUL in a string ends the C text", Ping("\"a\u0000b\""), Stray("\"a"), Parse("expecting value")),
        T("non-ASCII byte outside strings", "\u00C3\u00A9\n", Stray("\uFFFD")),
        T("leading zero", "012\n", Stray("01")),
        T("leading zero after minus", "-01\n", Stray("-01")),
        T("double zero", "00\n", Stray("00")),
        T("fraction needs a digit, and eats the brace", "1.}\n", Stray("1.}")),
        T("minus needs a digit", "-a\n", Stray("-a")),
        T("exponent needs a digit, and eats the newline", "1e\n", Stray("1e\n")),
        T("second fraction", "1.5.3\n", "M 1.5", Stray(".")),
        T("capitalised keyword", "True\n", Stray("T")),
        T("keyword runs on", "truex\n", Parse("invalid keyword 'truex'")),
        T("keyword stops at a digit", "tru1 \n", Parse("invalid keyword 'tru'"), "M 1"),
        T("percent is not interpolation", "%d\n", Stray("%")),

        // parser errors (json-parser.c; first error wins)
        T("trailing comma in array", "[1,]\n", Parse("expecting value")),
        T("trailing comma in object", "{\"a\":1,}\n", Parse("expecting value")),
        T("missing colon", "{\"a\" 1}\n", Parse("missing : in object pair")),
        T("number key", "{1:2}\n", Parse("key is not a string in object")),
        T("array key", "{[]:1}\n", Parse("key is not a string in object")),
        T("key object errors first", "{{\"a\":1,\"a\":2}:1}\n", Parse("duplicate key")),
        T("missing separator in list", "[1 2]\n", Parse("expected separator in list")),
        T("missing separator in dict", "{\"a\":1 \"b\":2}\n", Parse("expected separator in dict")),
        T("object closed by bracket", "{\"a\":1]\n", Parse("expected separator in dict")),
        T("array closed by brace", "[}\n", Parse("expecting value")),
        T("object closed by bracket at once", "{]\n", Parse("expecting value")),
        T("missing value", "{\"a\":]\n", Parse("expecting value")),
        T("double comma", "[1,,2]\n", Parse("expecting value")),
        T("lone comma in object", "{,}\n", Parse("expecting value")),
        T("duplicate key", "{\"execute\":\"guest-ping\",\"execute\":\"guest-ping\"}\n", Parse("duplicate key")),
        T("duplicate key after decoding", "{\"a\":1,'\\u0061':2}\n", Parse("duplicate key")),
        T("duplicate key in a big object", "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => "\"k" + i + "\":" + i)) + ",\"k33\":0}\n", Parse("duplicate key")),
        T("same keys in sibling big objects", BigSiblings(false), "M " + BigSiblings(true)),
        T("keys differing only after decoding are distinct", "{\"\\u00e9\":1,\"e\":2,\"\u00C3\u00A9x\":3}\n",
            "M {\"\\u00E9\": 1, \"e\": 2, \"\\u00E9x\": 3}"),
        T("invalid escape", Ping("\"\\x\""), Parse("invalid escape sequence in string")),
        T("short unicode escape", Ping("\"\\u1\""), Parse("\\u1\" is not a valid Unicode character")),
        T("short unicode escape before UTF-8", Ping("\"ab\\u1\u00C3\u00A9\""), Parse("\\u1\u00E9\" is not a valid Unicode character")),
        T("non-hex unicode escape", Ping("\"\\uZZZZ\""), Parse("\\uZZZZ is not a valid Unicode character")),
        T("lone high surrogate", Ping("\"\\ud800\""), Parse("\\ud800 is not a valid Unicode character")),
        T("lone low surrogate", Ping("\"\\udc00\""), Parse("\\udc00 is not a valid Unicode character")),
        T("high surrogate then non-surrogate", Ping("\"\\ud800\\u0041\""), Parse("\\ud800 is not a valid Unicode character")),
        T("high surrogate then short escape", Ping("\"\\uD800\\u12\""), Parse("\\uD800 is not a valid Unicode character")),
        T("noncharacter escape", Ping("\"\\uffff\""), Parse("\\uffff is not a valid Unicode character")),
        T("noncharacter escape FDD0", Ping("\"\\uFDD0\""), Parse("\\uFDD0 is not a valid Unicode character")),
        T("noncharacter surrogate pair", Ping("\"\\ud83f\\udfff\""), Parse("\\ud83f\\udfff is not a valid Unicode character")),
        T("truncated UTF-8", Ping("\"\u00C3\""), Parse("invalid UTF-8 sequence in string")),
        T("UTF-8 noncharacter", Ping("\"\u00EF\u00BF\u00BF\""), Parse("invalid UTF-8 sequence in string")),
        T("UTF-8 surrogate", Ping("\"\u00ED\u00A0\u0080\""), Parse("invalid UTF-8 sequence in string")),
        T("UTF-8 beyond U+10FFFF", Ping("\"\u00F4\u0090\u0080\u0080\""), Parse("invalid UTF-8 sequence in string")),
        T("overlong two bytes", Ping("\"\u00C1\u0081\""), Parse("invalid UTF-8 sequence in string")),
        T("overlong three bytes", Ping("\"\u00E0\u0080\u0080\""), Parse("invalid UTF-8 sequence in string")),
        T("five-byte sequence", Ping("\"\u00F8\u0088\u0080\u0080\u0080\""), Parse("invalid UTF-8 sequence in string")),
        T("lone continuation byte", Ping("\"\u0080\""), Parse("invalid UTF-8 sequence in string")),

        // nesting limit (1.6): 1024 parses, 1025 is refused and every leftover closer is a stray
        T("depth 1024", Repeat("[", 1024) + Repeat("]", 1024) + "\n", "M " + Repeat("[", 1024) + Repeat("]", 1024)),
        T("depth 1025", Repeat("[", 1025) + Repeat("]", 1025) + "\n",
            [JsonLimitTexts.Nesting, .. Enumerable.Repeat(Parse("expecting value"), 1025)]),
        T("depth counts braces and brackets together", Repeat("{\"a\":[", 512) + "1" + Repeat("]}", 512) + " " + Repeat("{\"a\":[", 513),
            "M " + Repeat("{\"a\": [", 512) + "1" + Repeat("]}", 512), JsonLimitTexts.Nesting, "M \"a\"", Parse("expecting value")),
    ];

    /// <summary>Two objects with the same 20 keys (past the linear scan, so the hash table sees both).</summary>
    private static string BigSiblings(bool written)
    {
        string colon = written ? ": " : ":";
        string comma = written ? ", " : ",";
        string members = string.Join(comma, Enumerable.Range(0, 20).Select(i => "\"k" + i + "\"" + colon + i));
        return "{\"a\"" + colon + "{" + members + "}" + comma + "\"b\"" + colon + "{" + members + "}}" + (written ? "" : "\n");
    }

    public static IEnumerable<object[]> Cases() => All.Select(t => new object[] { t });
}

internal static class JsonLimitTexts
{
    public const string Nesting = "E JSON nesting depth limit exceeded";
    public const string Count = "E JSON token count limit exceeded";
    public const string Size = "E JSON token size limit exceeded";
}
