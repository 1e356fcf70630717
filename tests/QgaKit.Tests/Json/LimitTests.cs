using System;
using System.Collections.Generic;
using System.Text;
using QgaKit.Json;
using Xunit;
using static QgaKit.Tests.Json.ParserHarness;

namespace QgaKit.Tests.Json;

/// <summary>
/// The per-message limits at and just past each bound. Every boundary here was run on qemu-ga 7.2 once
/// (reference 1.6; the 64 MiB cases take seconds there), with the same results.
/// </summary>
public class LimitTests
{
    private const int Max = JsonLimits.MaxTokenSize;
    private static readonly byte[] Sync = Encoding.ASCII.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":77}}");
    private const string SyncEvent = "M {\"execute\": \"guest-sync\", \"arguments\": {\"id\": 77}}";

    [Fact]
    public void Limits_are_qemu_ga_values()
    {
        Assert.Equal(67_108_864, JsonLimits.MaxTokenSize);
        Assert.Equal(2_097_152, JsonLimits.MaxTokenCount);
        Assert.Equal(1024, JsonLimits.MaxNesting);
    }

    [Fact]
    public void Exactly_2097152_tokens_parse()
    {
        // '[' + 1,048,574 × "0," + "[]" + ']' = 2,097,152 tokens.
        var events = Summarise(Build("[", "0,", 1_048_574, "[]]"));
        Assert.Equal(["M array of 1048575", SyncEvent], events);
    }

    [Fact]
    public void Token_2097153_is_refused_and_the_parser_carries_on()
    {
        var events = Summarise(Build("[", "0,", 1_048_574, "[0]]"));
        Assert.Equal([JsonLimitTexts.Count, SyncEvent], events);
    }

    [Fact]
    public void Token_bytes_up_to_the_limit_parse_and_one_more_is_refused()
    {
        // qemu refuses a token when queued bytes + its length + 1 exceed 64 MiB: ["<L bytes>"] fits for L = Max-3.
        Assert.Equal(["M array of 1", SyncEvent], Summarise(Build("[\"", "a", Max - 5, "\"]")));
        Assert.Equal([JsonLimitTexts.Size, SyncEvent], Summarise(Build("[\"", "a", Max - 4, "\"]")));
    }

    [Fact]
    public void A_token_longer_than_the_limit_is_cut_and_the_rest_lexed_afresh()
    {
        Assert.Equal([JsonLimitTexts.Size, Parse("invalid keyword 'aaaa'"), SyncEvent], Summarise(Build("", "a", Max + 5, "\n")));
        Assert.Equal([JsonLimitTexts.Size, Parse("invalid keyword 'bcd'"), Stray("\"\n"), SyncEvent],
            Summarise(Build("\"", "a", Max, "bcd\"\n")));
    }

    [Fact]
    public void Memory_goes_back_after_a_huge_message()
    {
        var parser = new JsonStreamParser();
        Summarise(Build("[\"", "a", Max - 5, "\"]"), parser);
        parser.TryRead(out _);
        Assert.True(parser.RetainedBytes < 4 << 20, $"retained {parser.RetainedBytes} bytes");
    }

    /// <summary><paramref name="head"/> + <paramref name="count"/> × <paramref name="unit"/> + <paramref name="tail"/> + the sync request.</summary>
    private static byte[] Build(string head, string unit, int count, string tail)
    {
        var u = Encoding.ASCII.GetBytes(unit);
        var h = Encoding.ASCII.GetBytes(head);
        var t = Encoding.ASCII.GetBytes(tail);
        var bytes = new byte[h.Length + (u.Length * count) + t.Length + Sync.Length];
        h.CopyTo(bytes, 0);
        int pos = h.Length;
        if (u.Length == 1)
        {
            bytes.AsSpan(pos, count).Fill(u[0]);
            pos += count;
        }
        else
        {
            for (int i = 0; i < count; i++, pos += u.Length)
            {
                u.CopyTo(bytes, pos);
            }
        }

        t.CopyTo(bytes, pos);
        Sync.CopyTo(bytes, pos + t.Length);
        return bytes;
    }

    /// <summary>Events, with big arrays described by their length (printing them would take long).</summary>
    private static List<string> Summarise(byte[] input, JsonStreamParser? parser = null)
    {
        parser ??= new JsonStreamParser();
        var events = new List<string>();
        for (int off = 0; off < input.Length; off += 65536)
        {
            parser.Append(input.AsSpan(off, Math.Min(65536, input.Length - off)));
            while (parser.TryRead(out var r))
            {
                events.Add(r.Kind == JsonReadKind.Message && r.Value.Kind == JsonKind.Array
                    ? "M array of " + r.Value.GetLength()
                    : Describe(r));
            }
        }

        return events;
    }
}
