using System.Collections.Generic;
using System.Linq;
using System.Text;
using static QgaKit.Tests.Conformance.Expect;

namespace QgaKit.Tests.Conformance;

/// <summary>Reference 1.6 limits: nesting depth, token count and (one, bounded) token size case.</summary>
internal static class LimitCases
{
    private const string S = "qga-reference 1.6, 8.2";

    /// <summary>MAX_TOKEN_COUNT in json-streamer.c.</summary>
    public const int MaxTokenCount = 2 << 20;

    /// <summary>MAX_TOKEN_SIZE in json-lexer.c / json-streamer.c.</summary>
    public const int MaxTokenSize = 64 << 20;

    public static IEnumerable<ConformanceCase> All()
    {
        yield return ProtocolCases.One("depth-1024", S, new string('[', 1024) + new string(']', 1024) + "\n", Err("QMP input must be a JSON object"));
        yield return ProtocolCases.One("depth-1025", S, new string('[', 1025) + new string(']', 1025) + "\n",
            new[] { Err("JSON nesting depth limit exceeded") }.Concat(Enumerable.Repeat(Parse("expecting value"), 1025)).ToArray());
        yield return ProtocolCases.One("depth-1025-objects", S,
            string.Concat(Enumerable.Repeat("{\"a\":", 1025)) + "1" + new string('}', 1025) + "\n" + Sync(1) + "\n");
        yield return ProtocolCases.One("closers-1025", S, new string(']', 1025) + "\n",
            Enumerable.Repeat(Parse("expecting value"), 1025).ToArray());

        // [1,1,…,1] with exactly the limit, and just past it, so that the tail after the reset is a few tokens.
        yield return TokenArray("token-count-at-limit", MaxTokenCount);
        yield return TokenArray("token-count-past-limit", MaxTokenCount + 3);

        // One size case (qemu-ga is slow with huge tokens): a string id just past 64 MiB.
        var big = new StringBuilder(MaxTokenSize + 200);
        big.Append("{\"execute\":\"guest-ping\",\"id\":\"").Append('a', MaxTokenSize + 80).Append("\"}\n");
        yield return new ConformanceCase("token-size-past-limit", S, Script.OneStep(big.ToString()).WithSyncTimeout(120));
    }

    /// <summary>An array with exactly <paramref name="tokens"/> tokens.</summary>
    private static ConformanceCase TokenArray(string name, int tokens)
    {
        var even = tokens % 2 == 0;
        var ints = even ? (tokens - 4) / 2 : (tokens - 1) / 2;
        var sb = new StringBuilder(tokens + 4);
        sb.Append('[');
        for (var i = 0; i < ints; i++)
        {
            sb.Append(i == 0 ? "1" : ",1");
        }

        // '[' + ints + commas + ']' is odd; an even total ends with ",[]" (three more tokens).
        sb.Append(even ? ",[]]" : "]");

        sb.Append('\n');
        return new ConformanceCase(name, S, Script.OneStep(sb.ToString()).WithSyncTimeout(120));
    }
}
