using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using QgaKit.Testing;

namespace QgaKit.Generators.Tests;

/// <summary>
/// Snapshots of generator runs (the comparison itself is <see cref="SnapshotFiles"/>). Each scenario's generated sources and diagnostics are compared with
/// <c>Snapshots/{Class}.{Method}#{hint}.verified.cs</c> and <c>{Class}.{Method}.verified.txt</c>. On a mismatch
/// it writes <c>*.received.*</c> and fails with a unified diff; <c>QGAKIT_ACCEPT=1</c> accepts instead. Verified
/// files of the scenario that nothing produced any more are reported (and deleted when accepting).
/// </summary>
internal static partial class Snapshot
{
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

        SnapshotFiles.Compare(directory, prefix, expected, Normalize);
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
        SnapshotFiles.Compare(directory, prefix, expected, Normalize);
    }

    /// <summary>One diagnostic as a stable line: id, severity, file(line,col), the flagged source text, message.</summary>
    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var text = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? string.Empty;
        return d.Id + " " + d.Severity + " " + Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ") `"
            + text + "`: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>LF line endings, and the generator's version scrubbed so snapshots survive version bumps.</summary>
    private static string Normalize(string text)
        => VersionPattern().Replace(text, "GeneratedCode(\"QgaKit.Generators\", \"VERSION\")");

    [GeneratedRegex("GeneratedCode\\(\"QgaKit\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();

}
