using System;
using System.Collections.Generic;
using System.Text;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// Seeded random byte streams built from request pieces, garbage and 0xFF (reference 1.5, 1.6): the same bytes go
/// to both agents. Each fragment is its own step (the sync marker's 0xFF resets the parser), so a difference
/// points at one fragment, which the step shows.
/// </summary>
internal static class FuzzCases
{
    private const int Seeds = 12;
    private const int FragmentsPerCase = 50;

    private static readonly string[] Pieces =
    {
        "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":17}}", "{\"execute\":\"guest-ping\"}", "{'execute':'guest-ping','id':'q'}",
        "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":3}}", "{\"execute\":\"guest-nonexistent\",\"id\":[1]}",
        "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":\"x\"}}", "{\"execute\":\"guest-ping\",\"arguments\":{\"a\":1}}",
        "{\"execute\":", "\"guest-sync\"", ",\"arguments\":{\"id\":", "\"id\":", "\"execute\"", "{", "}", "[", "]", ":", ",",
        "123", "-0", "1.5e3", "012", "1.", "-", "true", "nul", "TRUE", "\"str\"", "'sq'", "'it\\'s'", "\"\\u00e9\"", "\"\\ud800\"",
        "\"\\x\"", "\"a\tb\"", "\"", "'", "\\", "%", "\u00FF", "\u00FE", "\u00C3", "\u00C3\u00A9", "\u00E2\u0082\u00AC", "\u00F0\u009F\u0098\u0080",
        "\u0001", " ", "\n", "\t", "\r\n", "garbage", "G", "{}", "[]", "{\"\":1}", "null", "{\"id\":{\"a\":[true,null]}}",
    };

    public static IEnumerable<ConformanceCase> All()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var script = new Script().Connect();
            for (var f = 0; f < FragmentsPerCase; f++)
            {
                var fragment = new StringBuilder();
                var pieces = random.Next(1, 8);
                for (var p = 0; p < pieces; p++)
                {
                    fragment.Append(Pieces[random.Next(Pieces.Length)]);
                }

                script.Send(fragment.ToString()).Sync();
            }

            yield return new ConformanceCase("fuzz-seed-" + seed, "qga-reference 1.5, 1.6 (seeded random)", script.Close());
        }

        // The same pieces as one continuous stream: parser state (open brackets, strings) carries across pieces.
        for (var seed = 1; seed <= Seeds / 2; seed++)
        {
            var random = new Random(1000 + seed);
            var stream = new StringBuilder();
            for (var p = 0; p < FragmentsPerCase * 4; p++)
            {
                stream.Append(Pieces[random.Next(Pieces.Length)]);
            }

            yield return new ConformanceCase("fuzz-stream-seed-" + seed, "qga-reference 1.5, 1.6 (seeded random)",
                Script.OneStep(stream.ToString()));
        }
    }
}
