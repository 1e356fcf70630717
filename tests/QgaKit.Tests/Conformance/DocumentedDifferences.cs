using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QgaKit.Tests.Conformance;

/// <summary>One documented, deliberate difference between our agent's reply and qemu-ga 7.2's.</summary>
/// <param name="Name">Short name shown in test output.</param>
/// <param name="Section">The docs/compatibility.md section (<c>## …</c>) whose table has the row.</param>
/// <param name="RowMentions">Text that the row contains (checked by <see cref="DocumentedDifferencesTests"/>).</param>
/// <param name="Allows">Whether it explains the difference between qemu-ga's reply and ours (both parsed).</param>
public sealed record DocumentedDifference(string Name, string Section, string RowMentions, Func<JsonElement, JsonElement, byte[], bool> Allows)
{
    public string Citation => $"docs/compatibility.md › {Section} › the row mentioning \"{RowMentions}\"";
}

/// <summary>
/// The explicit allow-list for the differential tests. Everything else must be JSON-equal to qemu-ga's reply.
/// Keep it small: each entry is a deliberate choice with a row in docs/compatibility.md.
/// </summary>
public static partial class DocumentedDifferences
{
    /// <summary>Object member order is ignored structurally by <see cref="JsonValueComparer"/>; listed for the record.</summary>
    public static readonly DocumentedDifference MemberOrder = new(
        "member order",
        "Wire protocol and JSON",
        "member order",
        (_, _, _) => false);

    public static readonly IReadOnlyList<DocumentedDifference> All = new[]
    {
        MemberOrder,
        new DocumentedDifference(
            "%.17g numbers",
            "Wire protocol and JSON",
            "%.17g",
            (q, o, _) => JsonValueComparer.Equal(q, o, out var _, numbersByValue: true)),
        new DocumentedDifference(
            "guest-info version (the command list is the sample's own; shared commands must agree)",
            "Dispatch and built-in commands",
            "guest-info's `version`",
            (q, o, _) => GuestInfoCompatible(q, o)),
        new DocumentedDifference(
            "first bad argument in request order, not hash order",
            "Dispatch and built-in commands",
            "request order",
            (q, o, sent) => SameExceptDesc(q, o) && BadName(q, out var kindQ, out var nq) && BadName(o, out var kindO, out var no)
                && kindQ == kindO && Contains(sent, "'" + nq + "'", "\"" + nq + "\"") && Contains(sent, "'" + no + "'", "\"" + no + "\"")),
    };

    /// <summary>The first entry that explains the difference, or null.</summary>
    public static DocumentedDifference? Explain(JsonElement qemuGa, JsonElement ours, byte[] sent) =>
        All.FirstOrDefault(d => d.Allows(qemuGa, ours, sent));

    private static bool GuestInfoCompatible(JsonElement q, JsonElement o)
    {
        if (!TryInfo(q, out var qv, out var qList) || !TryInfo(o, out _, out var oList) || qv.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (!SameMembersExcept(q, o, "return"))
        {
            return false;
        }

        var qByName = new Dictionary<string, JsonElement>();
        foreach (var e in qList.EnumerateArray())
        {
            qByName[e.GetProperty("name").GetString()!] = e;
        }

        var common = new List<string>();
        foreach (var e in oList.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || e.EnumerateObject().Count() != 3
                || !e.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || !e.TryGetProperty("enabled", out var enabled) || !IsBool(enabled)
                || !e.TryGetProperty("success-response", out var sr) || !IsBool(sr))
            {
                return false;
            }

            if (qByName.TryGetValue(name.GetString()!, out var qe))
            {
                if (qe.GetProperty("enabled").ValueKind != enabled.ValueKind || qe.GetProperty("success-response").ValueKind != sr.ValueKind)
                {
                    return false;
                }

                common.Add(name.GetString()!);
            }
        }

        // The protocol built-ins must be there, and shared commands come in qemu-ga's (reverse registration) order.
        var qOrder = qList.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Where(common.Contains).ToList();
        return new[] { "guest-sync-delimited", "guest-sync", "guest-ping", "guest-info" }.All(common.Contains) && qOrder.SequenceEqual(common);
    }

    private static bool TryInfo(JsonElement reply, out JsonElement version, out JsonElement list)
    {
        version = default;
        list = default;
        return reply.ValueKind == JsonValueKind.Object
            && reply.TryGetProperty("return", out var r) && r.ValueKind == JsonValueKind.Object
            && r.TryGetProperty("version", out version) && r.TryGetProperty("supported_commands", out list)
            && list.ValueKind == JsonValueKind.Array && r.EnumerateObject().Count() == 2;
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>Same reply except the error's desc (same class, same id).</summary>
    private static bool SameExceptDesc(JsonElement q, JsonElement o) =>
        SameMembersExcept(q, o, "error")
        && q.TryGetProperty("error", out var qe) && o.TryGetProperty("error", out var oe)
        && qe.ValueKind == JsonValueKind.Object && oe.ValueKind == JsonValueKind.Object
        && SameMembersExcept(qe, oe, "desc") && qe.TryGetProperty("desc", out _) && oe.TryGetProperty("desc", out _);

    private static bool SameMembersExcept(JsonElement q, JsonElement o, string except)
    {
        if (q.ValueKind != JsonValueKind.Object || o.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var qn = q.EnumerateObject().Where(p => p.Name != except).ToList();
        var on = o.EnumerateObject().Where(p => p.Name != except).ToList();
        return qn.Count == on.Count
            && qn.All(p => o.TryGetProperty(p.Name, out var v) && JsonValueComparer.Equal(p.Value, v, out _));
    }

    private static bool BadName(JsonElement reply, out string kind, out string name)
    {
        var m = BadNamePattern().Match(reply.GetProperty("error").GetProperty("desc").GetString() ?? string.Empty);
        kind = m.Success ? m.Groups[1].Value + "|" + m.Groups[3].Value : string.Empty;
        name = m.Success ? m.Groups[2].Value : string.Empty;
        return m.Success;
    }

    private static bool Contains(byte[] sent, params string[] needles)
    {
        var text = System.Text.Encoding.Latin1.GetString(sent);
        return needles.Any(n => text.Contains(n, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(Parameter) '([^']*)' (is unexpected|is missing)$")]
    private static partial Regex BadNamePattern();
}
