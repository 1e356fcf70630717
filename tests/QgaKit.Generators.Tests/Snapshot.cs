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

    /// <summary>A line diff (LCS) printed as one unified hunk with three lines of context.</summary>
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
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                ops.Add(('+', b[y++]));
            }
            else
            {
                ops.Add(('-', a[x++]));
            }
        }

        var output = new StringBuilder("--- verified\n+++ received\n");
        for (var k = 0; k < ops.Count; k++)
        {
            var near = false;
            for (var d = Math.Max(0, k - 3); d <= Math.Min(ops.Count - 1, k + 3) && !near; d++)
            {
                near = ops[d].Op != ' ';
            }

            if (near)
            {
                output.Append(ops[k].Op).Append(ops[k].Line).Append('\n');
            }
        }

        return output.ToString();
    }
}
