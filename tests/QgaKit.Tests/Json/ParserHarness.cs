using System;
using System.Collections.Generic;
using System.Text;
using QgaKit.Json;

namespace QgaKit.Tests.Json;

/// <summary>Feeds bytes to a <see cref="JsonStreamParser"/> and describes what comes out, one string per event:
/// <c>M &lt;value as our writer prints it&gt;</c> or <c>E &lt;desc&gt;</c>.</summary>
internal static class ParserHarness
{
    /// <summary>Latin-1: every char of the string is one byte (write 0xFF as \u00FF).</summary>
    public static byte[] B(string latin1) => Encoding.Latin1.GetBytes(latin1);

    public static List<string> Run(ReadOnlySpan<byte> input, int chunk = int.MaxValue, JsonStreamParser? parser = null)
    {
        parser ??= new JsonStreamParser();
        var events = new List<string>();
        for (int off = 0; off < input.Length; off += chunk)
        {
            parser.Append(input.Slice(off, Math.Min(chunk, input.Length - off)));
            Drain(parser, events);
        }

        Drain(parser, events);
        return events;
    }

    public static List<string> RunSplit(ReadOnlySpan<byte> input, int split)
    {
        var parser = new JsonStreamParser();
        var events = new List<string>();
        parser.Append(input[..split]);
        Drain(parser, events);
        parser.Append(input[split..]);
        Drain(parser, events);
        return events;
    }

    public static void Drain(JsonStreamParser parser, List<string> events)
    {
        while (parser.TryRead(out var result))
        {
            events.Add(Describe(result));
        }
    }

    public static string Describe(JsonReadResult result) =>
        result.Kind == JsonReadKind.Error ? "E " + result.Error : "M " + result.Value.ToString();

    public static string Stray(string token) => "E JSON parse error, stray '" + token + "'";

    public static string Parse(string what) => "E JSON parse error, " + what;

    public static string Repeat(string s, int count)
    {
        var sb = new StringBuilder(s.Length * count);
        for (int i = 0; i < count; i++)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }
}
