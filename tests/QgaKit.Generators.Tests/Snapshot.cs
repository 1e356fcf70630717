using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace QgaKit.Generators.Tests;

/// <summary>
/// A small Verify-style snapshot helper. Each scenario's generated sources and diagnostics are compared with
/// <c>Snapshots/{Class}.{Method}#{hint}.verified.cs</c> and <c>{Class}.{Method}.verified.txt</c>. On a mismatch
/// it writes <c>*.received.*</c> and fails with a unified diff; <c>QGAKIT_ACCEPT=1</c> accepts instead. Verified
/// files of the scenario that nothing produced any more are reported (and deleted when accepting).
/// </summary>
internal static partial class Snapshot
{
    private static bool Accept => Environment.GetEnvironmentVariable("QGAKIT_ACCEPT") == "1";

    public static void Verify(GeneratorDriverRunResult result, IEnumerable<Diagnostic> diagnostics, [CallerFilePath] string file = "", [CallerMemberName] string method = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
        var prefix = Path.GetFileNameWithoutExtension(file) + "." + method;
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var hint = source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName[..^3] : source.HintName;
            expected[prefix + "#" + hint + ".verified.cs"] = "//HintName: " + source.HintName + "\n" + source.SourceText;
        }

        var lines = diagnostics.Select(Describe).ToList();
        if (lines.Count > 0)
        {
            expected[prefix + ".verified.txt"] = string.Join("\n", lines) + "\n";
        }

        Compare(directory, prefix, expected);
    }

    /// <summary>Only the diagnostics of a scenario (<c>{Class}.{Method}.verified.txt</c>).</summary>
    public static void VerifyDiagnostics(IEnumerable<Diagnostic> diagnostics, [CallerFilePath] string file = "", [CallerMemberName] string method = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
        var prefix = Path.GetFileNameWithoutExtension(file) + "." + method;
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + ".verified.txt"] = string.Join("\n", diagnostics.Select(Describe)) + "\n",
        };
        Compare(directory, prefix, expected);
    }

    /// <summary>One diagnostic as a stable line: id, severity, file(line,col), the flagged source text, message.</summary>
    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var text = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? string.Empty;
        return d.Id + " " + d.Severity + " " + Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ") `"
            + text + "`: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Compare(string directory, string prefix, Dictionary<string, string> expected)
    {
        Directory.CreateDirectory(directory);
        var failures = new StringBuilder();
        foreach (var (name, rawContent) in expected)
        {
            var content = Normalize(rawContent);
            var verifiedPath = Path.Combine(directory, name);
            var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
            var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (verified == content)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (Accept)
            {
                File.WriteAllText(verifiedPath, content);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, content);
            failures.Append(verified is null ? "New snapshot " + name + " (see the .received file):\n" : "Snapshot " + name + " differs:\n")
                .Append(UnifiedDiff(verified ?? string.Empty, content)).Append('\n');
        }

        foreach (var stale in Directory.GetFiles(directory, prefix + "#*.verified.*").Concat(Directory.GetFiles(directory, prefix + ".verified.*")))
        {
            var name = Path.GetFileName(stale);
            if (!expected.ContainsKey(name))
            {
                if (Accept)
                {
                    File.Delete(stale);
                }
                else
                {
                    failures.Append("Stale snapshot " + name + ": nothing produces it any more\n");
                }
            }
        }

        if (failures.Length > 0)
        {
            throw new XunitException(failures + "Run with QGAKIT_ACCEPT=1 to accept.");
        }
    }

    /// <summary>LF line endings, and the generator's version scrubbed so snapshots survive version bumps.</summary>
    private static string Normalize(string text)
        => VersionPattern().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "GeneratedCode(\"QgaKit.Generators\", \"VERSION\")");

    [GeneratedRegex("GeneratedCode\\(\"QgaKit\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();

    private static int CountTrailingContext(List<(char Op, string Line)> ops, int end)
    {
        var count = 0;
        for (var i = end - 1; i >= 0 && ops[i].Op == ' '; i--)
        {
            count++;
        }

        return count;
    }

    /// <summary>A line diff (LCS) printed as unified hunks with three lines of context.</summary>
    internal static string UnifiedDiff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char Op, string Line)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(('-', a[x++]));
            }
            else
            {
                ops.Add(('+', b[y++]));
            }
        }

        // Group the edit script into hunks with three lines of context, as `diff -u` prints them.
        var output = new StringBuilder("--- verified\n+++ received\n");
        var k = 0;
        while (k < ops.Count)
        {
            while (k < ops.Count && ops[k].Op == ' ')
            {
                k++;
            }

            if (k == ops.Count)
            {
                break;
            }

            var start = Math.Max(0, k - 3);
            var end = k;
            for (var quiet = 0; end < ops.Count && quiet <= 6; end++)
            {
                quiet = ops[end].Op == ' ' ? quiet + 1 : 0;
            }

            end = Math.Min(ops.Count, end);
            while (end > k && end - 1 < ops.Count && ops[end - 1].Op == ' ' && CountTrailingContext(ops, end) > 3)
            {
                end--;
            }

            int oldLine = 1 + ops.Take(start).Count(o => o.Op != '+'), newLine = 1 + ops.Take(start).Count(o => o.Op != '-');
            var hunk = ops.Skip(start).Take(end - start).ToList();
            output.Append("@@ -").Append(oldLine).Append(',').Append(hunk.Count(o => o.Op != '+'))
                .Append(" +").Append(newLine).Append(',').Append(hunk.Count(o => o.Op != '-')).Append(" @@\n");
            foreach (var (op, line) in hunk)
            {
                output.Append(op).Append(line).Append('\n');
            }

            k = end;
        }

        return output.ToString();
    }
}
