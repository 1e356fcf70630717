using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using QgaKit.Json;
using Xunit;
using static QgaKit.Tests.Json.ParserHarness;

namespace QgaKit.Tests.Json;

/// <summary>Properties over random byte streams (CsCheck; a failure prints the seed that reproduces it).</summary>
public class PropertyTests
{
    /// <summary>Near-JSON streams from <see cref="RandomJsonStream"/>, or uniformly random bytes.</summary>
    private static readonly Gen<byte[]> Streams = Gen.OneOf(
        Gen.Int.Select(seed => RandomJsonStream.Stream(new Random(seed), 1 + (int)((uint)seed % 6))),
        Gen.Byte.Array[0, 300]);

    private static readonly byte[] Delimited = "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":424242}}"u8.ToArray();

    [Fact]
    public void Random_streams_never_throw_and_every_event_is_well_formed()
    {
        Streams.Sample(bytes =>
        {
            foreach (var e in Run(bytes))
            {
                Assert.True(e.StartsWith("M ", StringComparison.Ordinal)
                    || e.StartsWith("E JSON parse error, ", StringComparison.Ordinal)
                    || e.StartsWith("E JSON token", StringComparison.Ordinal)
                    || e.StartsWith("E JSON nesting", StringComparison.Ordinal), e);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Chunking_never_changes_the_results()
    {
        Gen.Select(Streams, Gen.Int[1, 64]).Sample((bytes, chunk) =>
        {
            Assert.Equal(Run(bytes), Run(bytes, chunk));
        }, iter: 1500);
    }

    [Fact]
    public void Every_split_point_gives_the_same_results()
    {
        Streams.Sample(bytes =>
        {
            var whole = Run(bytes);
            for (int split = 0; split <= bytes.Length; split++)
            {
                Assert.Equal(whole, RunSplit(bytes, split));
            }
        }, iter: 60);
    }

    [Fact]
    public void A_0xFF_then_guest_sync_delimited_always_yields_that_message_next()
    {
        Streams.Sample(garbage =>
        {
            var parser = new JsonStreamParser();
            var events = Run(garbage, parser: parser);
            parser.Append([0xFF]);
            parser.Append(Delimited);
            var after = new List<string>();
            Drain(parser, after);

            // What the 0xFF ends first depends on the garbage (a number, a keyword, an open string), but the last
            // error is the stray that holds the 0xFF, and the request comes right after it.
            Assert.True(after.Count >= 2, string.Join(" | ", after));
            Assert.Equal("M {\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 424242}}", after[^1]);
            Assert.StartsWith("E JSON parse error, stray '", after[^2], StringComparison.Ordinal);
            Assert.EndsWith("\uFFFD'", after[^2], StringComparison.Ordinal);
        }, iter: 3000);
    }

    [Fact]
    public void Random_garbage_keeps_memory_small()
    {
        Gen.Byte.Array[1000, 20_000].Sample(bytes =>
        {
            var parser = new JsonStreamParser();
            for (int off = 0; off < bytes.Length; off += 4096)
            {
                parser.Append(bytes.AsSpan(off, Math.Min(4096, bytes.Length - off)));
                while (parser.TryRead(out _))
                {
                }

                Assert.True(parser.RetainedBytes <= 256 << 10, $"retained {parser.RetainedBytes}");
            }
        }, iter: 200);
    }

    [Fact]
    public void Endless_input_stays_within_the_message_limits()
    {
        // An array that never closes hits the token count limit and starts over, again and again; an open
        // string hits the token size limit. Memory never exceeds what the limits allow.
        const long Bound = (2L * JsonLimits.MaxTokenSize) + (16L * JsonLimits.MaxTokenCount) + (1 << 20);
        var parser = new JsonStreamParser();
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0,", 32768)));
        int errors = 0;
        parser.Append("["u8);
        for (int i = 0; i < 70; i++)
        {
            parser.Append(chunk);
            while (parser.TryRead(out var r))
            {
                // After the reset the rest of the array reads as top-level numbers and commas, as in qemu-ga.
                if (r.Error == JsonErrors.TokenCountLimitExceeded)
                {
                    errors++;
                    parser.Append("["u8);
                }
            }

            Assert.True(parser.RetainedBytes <= Bound);
        }

        Assert.True(errors >= 2, $"{errors} count-limit errors");
    }

    [Fact]
    public void Random_strings_round_trip_through_writer_and_parser()
    {
        Gen.String.Sample(s =>
        {
            var writer = new JsonWriter();
            writer.WriteString(s);
            var value = JsonValue.Parse(writer.WrittenSpan);
            var expected = Sanitise(s);
            Assert.Equal(expected, value.GetString());
            Assert.True(value.ValueEquals(expected));
        }, iter: 3000);
    }

    /// <summary>What qemu's writer keeps of a string: anything that is not a valid character becomes U+FFFD.</summary>
    private static string Sanitise(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            int cp;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                cp = char.IsSurrogate(s[i]) ? 0xFFFD : s[i];
            }

            if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
            {
                cp = 0xFFFD;
            }

            sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }
}
