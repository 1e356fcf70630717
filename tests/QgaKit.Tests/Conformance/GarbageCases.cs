using System.Collections.Generic;
using static QgaKit.Tests.Conformance.Expect;
using static QgaKit.Tests.Conformance.ProtocolCases;

namespace QgaKit.Tests.Conformance;

/// <summary>Reference 8.2, 1.5 and 1.6: garbage classes, recovery, the 0xFF rules, JSON extensions.</summary>
internal static class GarbageCases
{
    private const string S82 = "qga-reference 8.2";
    private const string S15 = "qga-reference 1.5";
    private const string S16 = "qga-reference 1.6";

    public static IEnumerable<ConformanceCase> All()
    {
        // 8.2 as observed.
        yield return One("garbage-keyword", S82, "garbage\n" + Sync(1) + "\n", Parse("invalid keyword 'garbage'"), Ret("1"));
        yield return One("garbage-upper-case-text", S82, "GARBAGE TEXT\n" + Sync(2) + "\n", Parse("stray 'G'"), Ret("2"));
        yield return One("garbage-keyword-as-value", S82, "{\"execute\": foo}\n" + Sync(3) + "\n", Parse("invalid keyword 'foo'"), Ret("3"));
        yield return new ConformanceCase("partial-then-rest", S82, new Script().Connect()
            .Send("{\"execute\":\"guest-sync\"\n").Quiet()
            .Send(",\"arguments\":{\"id\":4}}\n").Sync().Close())
        {
            Recorded = new[] { System.Array.Empty<string>(), new[] { Ret("4") } },
        };
        yield return One("ff-inside-message", S82, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":\u00FF" + Sync(5) + "\n", StrayFF, Ret("5"));
        yield return One("stray-close-brace", S82 + ", 1.6", "}\n", Parse("expecting value"));
        yield return One("stray-close-bracket", S82 + ", 1.6", "]\n", Parse("expecting value"));
        yield return One("stray-colon", S82 + ", 1.6", ":\n", Parse("expecting value"));
        yield return One("stray-comma", S16, ",\n", Parse("expecting value"));
        yield return One("control-bytes", S82, "\u0001\u0002" + Sync(6) + "\n", Parse("stray '\\u0001'"), Parse("stray '\\u0002'"), Ret("6"));
        yield return One("three-ff", S82 + ", 1.5", "\u00FF\u00FF\u00FF" + Sync(7) + "\n", StrayFF, StrayFF, StrayFF, Ret("7"));
        yield return One("fe", S82 + ", 1.5", "\u00FE" + Sync(8) + "\n", StrayFF, Ret("8"));
        yield return One("trailing-garbage", S82 + ", 1.6", Sync(11) + "xyz\n", Ret("11"), Parse("invalid keyword 'xyz'"));
        yield return One("raw-tab-in-string", S82, "{\"execute\":\"guest-ping\",\"id\":\"a\tb\"}\n", Parse("stray '\\\"a\\t'"), Parse("expecting value"));
        yield return One("raw-newline-in-string", S82, "{\"execute\":\"guest-ping\",\"id\":\"a\nb\"}\n", Parse("stray '\\\"a\\n'"), Parse("expecting value"));
        yield return One("whitespace-only", S82, "   \n\n\t\r\n");

        // 0xFF rules (1.5).
        yield return One("ff-inside-string", S15, "{\"execute\":\"guest-ping\",\"id\":\"a\u00FFb\"}\n", Parse("stray '\\\"a\\uFFFD'"), Parse("expecting value"));
        yield return One("ff-between-messages", S15, Sync(1) + "\u00FF" + Sync(2) + "\n", Ret("1"), StrayFF, Ret("2"));
        yield return One("ff-inside-keyword", S15, "{\"execute\":\"guest-ping\",\"id\":tr\u00FFue}\n" + Sync(3) + "\n");
        yield return One("ff-inside-number", S15, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":12\u00FF34}}\n" + Sync(4) + "\n");
        yield return One("ff-after-open-brace-then-sync", S15, "{\u00FF{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":9}}\n",
            StrayFF, Delimited(Ret("9")));
        yield return One("ff-chops-request", S16, "{\"execute\":\"guest-sync\",\u00FF\"arguments\":{\"id\":10}}\n");
        yield return One("ff-only", S15, "\u00FF", StrayFF);

        // Garbage classes and JSON dialect (1.6, 1.4, 11).
        yield return One("upper-case-keyword", S16, "{\"execute\":\"guest-ping\",\"id\":TRUE}\n" + Sync(1) + "\n");
        yield return One("truncated-keyword", S16, "{\"execute\":\"guest-ping\",\"id\":nul}\n" + Sync(2) + "\n");
        yield return One("leading-zero", S16, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":012}}\n" + Sync(3) + "\n");
        yield return One("negative-leading-zero", S16, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":-01}}\n" + Sync(3) + "\n");
        yield return One("bare-minus", S16, "{\"execute\":\"guest-ping\",\"id\":-}\n" + Sync(4) + "\n");
        yield return One("fraction-without-digits", S16, "{\"execute\":\"guest-ping\",\"id\":1.}\n" + Sync(4) + "\n");
        yield return One("exponent-without-digits", S16, "{\"execute\":\"guest-ping\",\"id\":1e}\n" + Sync(4) + "\n");
        yield return One("plus-sign", S16, "{\"execute\":\"guest-ping\",\"id\":+1}\n" + Sync(4) + "\n");
        yield return One("percent-interpolation", S16, "{\"execute\":\"guest-ping\",\"id\":%d}\n" + Sync(5) + "\n");
        yield return One("key-not-string", "qga-reference 1.4", "{1:2}\n" + Sync(6) + "\n");
        yield return One("missing-colon", "qga-reference 1.4", "{\"execute\" \"guest-ping\"}\n" + Sync(6) + "\n");
        yield return One("missing-value", "qga-reference 1.4", "{\"execute\":}\n" + Sync(6) + "\n");
        yield return One("missing-comma-in-object", "qga-reference 1.4", "{\"execute\":\"guest-ping\" \"id\":1}\n" + Sync(6) + "\n");
        yield return One("missing-comma-in-array", "qga-reference 1.4", "{\"execute\":\"guest-ping\",\"id\":[1 2]}\n" + Sync(6) + "\n");
        yield return One("trailing-comma-in-object", "qga-reference 1.4", "{\"execute\":\"guest-ping\",}\n" + Sync(6) + "\n");
        yield return One("trailing-comma-in-array", "qga-reference 1.4", "{\"execute\":\"guest-ping\",\"id\":[1,]}\n" + Sync(6) + "\n");
        yield return One("mismatched-closer", "qga-reference 1.4", "{\"execute\":\"guest-ping\"]\n" + Sync(6) + "\n");
        yield return One("invalid-escape", "qga-reference 1.4", "{\"execute\":\"guest-ping\",\"id\":\"a\\xb\"}\n" + Sync(7) + "\n");
        yield return One("short-unicode-escape", "qga-reference 1.4", "{\"execute\":\"guest-ping\",\"id\":\"\\u12\"}\n" + Sync(7) + "\n");
        yield return One("lone-high-surrogate", "qga-reference 11", "{\"execute\":\"guest-ping\",\"id\":\"\\ud800\"}\n" + Sync(7) + "\n");
        yield return One("lone-low-surrogate", "qga-reference 11", "{\"execute\":\"guest-ping\",\"id\":\"\\udc00x\"}\n" + Sync(7) + "\n");
        yield return One("escaped-nul", "qga-reference 11", "{\"execute\":\"guest-ping\",\"id\":\"a\\u0000b\"}\n");
        yield return One("overlong-nul", "qga-reference 11", "{\"execute\":\"guest-ping\",\"id\":\"a\u00C0\u0080b\"}\n");
        yield return One("overlong-slash", S16, "{\"execute\":\"guest-ping\",\"id\":\"\u00C0\u00AF\"}\n");
        yield return One("utf8-surrogate-encoded", S16, "{\"execute\":\"guest-ping\",\"id\":\"\u00ED\u00A0\u0080\"}\n");
        yield return One("utf8-truncated-before-quote", S16, "{\"execute\":\"guest-ping\",\"id\":\"\u00E2\u0082\"}\n");
        yield return One("utf8-above-max", S16, "{\"execute\":\"guest-ping\",\"id\":\"\u00F4\u0090\u0080\u0080\"}\n");
        yield return One("utf8-noncharacter-fffe", S16, "{\"execute\":\"guest-ping\",\"id\":\"" + Wire.Utf8("\uFFFE") + "\"}\n");
        yield return One("invalid-utf8-outside-string", S16, "{\"execute\":\"guest-ping\",\"id\":\u00C3\u00A9}\n" + Sync(8) + "\n");
        yield return One("single-quote-escape", S16, "{'execute':'guest-ping','id':'a\\'b'}\n", Ret("{}", "\"a'b\""));
        yield return One("double-quote-in-single-quotes", S16, "{'execute':'guest-ping','id':'a\"b'}\n", Ret("{}", "\"a\\\"b\""));
        yield return One("escaped-double-quote-in-single-quotes", S16, "{'execute':'guest-ping','id':'a\\\"b'}\n", Ret("{}", "\"a\\\"b\""));
        yield return One("single-quote-escape-in-double-quotes", S16, "{\"execute\":\"guest-ping\",\"id\":\"a\\'b\"}\n", Ret("{}", "\"a'b\""));
        yield return One("top-level-number-ended-by-ff", S16, "123");
        yield return One("top-level-keyword-then-object", S16, "true" + Sync(9) + "\n");
        yield return One("many-garbage-tokens", S16, "a b c ] } : , 1 \"s\" [] {}\n" + Sync(10) + "\n");
        yield return One("nested-garbage-in-arguments", S16, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":[1,{\"x\":oops}]}}\n" + Sync(11) + "\n");
    }
}
