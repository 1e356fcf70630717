using System;
using System.Collections.Generic;
using System.Text.Json;

namespace QgaKit.Tests.Conformance;

/// <summary>Compares what two runs of the same script received, step by step and reply by reply.</summary>
public static class TranscriptComparer
{
    /// <summary>Byte-exact comparison of qemu-ga's run against the recorded 7.2 replies.</summary>
    public static List<string> CompareExact(IReadOnlyList<IReadOnlyList<string>> recorded, IReadOnlyList<TranscriptStep> actual)
    {
        var problems = new List<string>();
        if (recorded.Count != actual.Count)
        {
            problems.Add($"{recorded.Count} recorded step(s), {actual.Count} run");
            return problems;
        }

        for (var s = 0; s < recorded.Count; s++)
        {
            var want = recorded[s];
            var got = actual[s].Replies;
            for (var i = 0; i < Math.Max(want.Count, got.Count); i++)
            {
                var w = i < want.Count ? Reply.FromNotation(want[i]) : null;
                var g = i < got.Count ? got[i] : null;
                if (w != g)
                {
                    problems.Add($"step {s} reply {i}: recorded {w?.ToString() ?? "(none)"} ≠ received {g?.ToString() ?? "(none)"}");
                    if (problems.Count >= 5)
                    {
                        return problems;
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>JSON-value comparison of our run against qemu-ga's, with the documented differences allowed.</summary>
    public static List<string> CompareValues(IReadOnlyList<TranscriptStep> qemuGa, IReadOnlyList<TranscriptStep> ours, byte[] sent, List<string> allowed)
    {
        var problems = new List<string>();
        if (qemuGa.Count != ours.Count)
        {
            problems.Add($"qemu-ga produced {qemuGa.Count} step(s), ours {ours.Count}");
            return problems;
        }

        for (var s = 0; s < qemuGa.Count; s++)
        {
            var q = qemuGa[s].Replies;
            var o = ours[s].Replies;
            if (q.Count != o.Count)
            {
                problems.Add($"step {s} ({qemuGa[s].Label}) on {qemuGa[s].Client}: qemu-ga sent {q.Count} replies, ours {o.Count}; qemu-ga {QgaClient.Describe(q)}; ours {QgaClient.Describe(o)}");
            }

            for (var i = 0; i < Math.Min(q.Count, o.Count); i++)
            {
                var problem = CompareReply(q[i], o[i], sent, allowed);
                if (problem is not null)
                {
                    problems.Add($"step {s} ({qemuGa[s].Label}) reply {i}: {problem}");
                }

                if (problems.Count >= 8)
                {
                    return problems;
                }
            }
        }

        return problems;
    }

    private static string? CompareReply(Reply q, Reply o, byte[] sent, List<string> allowed)
    {
        var both = $"qemu-ga {Short(q)} vs ours {Short(o)}";
        if (q.Delimited != o.Delimited)
        {
            return $"0xFF sentinel {(q.Delimited ? "missing" : "unexpected")}: {both}";
        }

        JsonDocument? dq = null, d = null;
        try
        {
            dq = TryParse(q.Text);
            d = TryParse(o.Text);
            if (dq is null || d is null)
            {
                return q.Text == o.Text ? null : $"{(d is null ? "ours is not JSON" : "texts differ")}: {both}";
            }

            if (JsonValueComparer.Equal(dq.RootElement, d.RootElement, out var where))
            {
                return null;
            }

            var entry = DocumentedDifferences.Explain(dq.RootElement, d.RootElement, sent);
            if (entry is not null)
            {
                allowed.Add($"{entry.Name} ({entry.Citation}): {both}");
                return null;
            }

            return $"{where}: {both}";
        }
        finally
        {
            dq?.Dispose();
            d?.Dispose();
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 2048 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Short(Reply r)
    {
        var s = r.ToString();
        return s.Length > 400 ? s[..400] + $"…({s.Length} chars)" : s;
    }
}
