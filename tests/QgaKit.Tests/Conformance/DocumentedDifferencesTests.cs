using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QgaKit.Tests.Conformance;

/// <summary>The allow-list stays honest: every entry has its row in docs/compatibility.md, and the comparer
/// itself behaves (member order ignored, numbers by value only through the allow-list).</summary>
public sealed class DocumentedDifferencesTests
{
    [Fact]
    public void Every_allowed_difference_has_its_row_in_docs_compatibility()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "compatibility.md"));
        var missing = DocumentedDifferences.All.Where(d => !HasRow(doc, d.Section, d.RowMentions)).Select(d => d.Citation).ToList();

        Assert.True(missing.Count == 0, "docs/compatibility.md has no row for: " + string.Join("; ", missing));
    }

    [Fact]
    public void Member_order_is_ignored_and_values_are_not()
    {
        Assert.True(Equal("{\"id\": 1, \"error\": {\"class\": \"A\", \"desc\": \"d\"}}", "{\"error\": {\"desc\": \"d\", \"class\": \"A\"}, \"id\": 1}"));
        Assert.False(Equal("{\"return\": [1, 2]}", "{\"return\": [2, 1]}"));
        Assert.False(Equal("{\"return\": 1}", "{\"return\": 1, \"id\": null}"));
        Assert.False(Equal("{\"return\": 1.5}", "{\"return\": 1.50}"));
        Assert.True(Equal("{\"return\": 9223372036854775807}", "{\"return\": 9223372036854775807}"));
    }

    [Fact]
    public void Numbers_differ_in_17g_form_only_through_the_allow_list()
    {
        using var q = JsonDocument.Parse("{\"return\": {}, \"id\": 0.10000000000000001}");
        using var o = JsonDocument.Parse("{\"return\": {}, \"id\": 0.1}");
        Assert.False(JsonValueComparer.Equal(q.RootElement, o.RootElement, out _));
        Assert.Equal("%.17g numbers", DocumentedDifferences.Explain(q.RootElement, o.RootElement, Array.Empty<byte>())?.Name);
    }

    [Fact]
    public void Guest_info_must_agree_on_shared_commands()
    {
        const string Q = "{\"return\": {\"version\": \"7.2.22\", \"supported_commands\": [{\"enabled\": true, \"name\": \"guest-x\", \"success-response\": true}, {\"enabled\": false, \"name\": \"guest-info\", \"success-response\": true}, {\"enabled\": true, \"name\": \"guest-ping\", \"success-response\": true}, {\"enabled\": true, \"name\": \"guest-sync\", \"success-response\": true}, {\"enabled\": true, \"name\": \"guest-sync-delimited\", \"success-response\": true}]}}";
        var ok = Q.Replace("7.2.22", "0.1.0", StringComparison.Ordinal).Replace("{\"enabled\": true, \"name\": \"guest-x\", \"success-response\": true}, ", string.Empty, StringComparison.Ordinal);
        var wrongFlag = ok.Replace("{\"enabled\": true, \"name\": \"guest-ping\"", "{\"enabled\": false, \"name\": \"guest-ping\"", StringComparison.Ordinal);
        Assert.NotNull(Explain(Q, ok));
        Assert.Null(Explain(Q, wrongFlag));
    }

    private static bool Equal(string a, string b)
    {
        using var da = JsonDocument.Parse(a);
        using var db = JsonDocument.Parse(b);
        return JsonValueComparer.Equal(da.RootElement, db.RootElement, out _);
    }

    private static DocumentedDifference? Explain(string qemuGa, string ours)
    {
        using var q = JsonDocument.Parse(qemuGa);
        using var o = JsonDocument.Parse(ours);
        return DocumentedDifferences.Explain(q.RootElement, o.RootElement, Array.Empty<byte>());
    }

    private static bool HasRow(string doc, string section, string mentions)
    {
        var inSection = false;
        foreach (var line in doc.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line[3..].Trim() == section;
            }
            else if (inSection && line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal)
                && !line.StartsWith("| What differs", StringComparison.Ordinal) && line.Contains(mentions, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kit.sln not found above " + AppContext.BaseDirectory);
    }
}
