using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace QgaKit.Testing;

/// <summary>
/// Verify-style snapshots without Verify: compares text with <c>&lt;Class&gt;.&lt;Method&gt;[#part].verified.&lt;ext&gt;</c>
/// beside the calling test file. On a mismatch or a missing file it writes <c>*.received.*</c> and fails with a
/// unified diff; <c>QGAKIT_ACCEPT=1</c> accepts (writes the verified file instead). Line endings are LF.
/// </summary>
public static class SnapshotAssert
{
    public static bool Accepting => Environment.GetEnvironmentVariable("QGAKIT_ACCEPT") == "1";

    /// <summary>Checks one snapshot; <paramref name="part"/> distinguishes several snapshots of one test.</summary>
    public static void Matches(
        string actual,
        string? part = null,
        string extension = "txt",
        string? snapshotDirectory = null,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string callerMember = "")
    {
        var directory = snapshotDirectory ?? Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var name = Path.GetFileNameWithoutExtension(callerFile) + "." + callerMember + (part is null ? "" : "#" + part);
        var verified = Path.Combine(directory, name + ".verified." + extension);
        var received = Path.Combine(directory, name + ".received." + extension);
        var text = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == text)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Accepting)
        {
            File.WriteAllText(verified, text);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : "";
        Assert.Fail($"Snapshot {name} differs (received file: {received}; QGAKIT_ACCEPT=1 accepts):\n{UnifiedDiff(expected, text)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

    /// <summary>A small line diff (LCS) in unified style, enough to read a snapshot change.</summary>
    public static string UnifiedDiff(string expected, string actual)
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

        var output = new StringBuilder("--- verified\n+++ received\n");
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                output.Append("+ ").Append(b[y++]).Append('\n');
            }
            else
            {
                output.Append("- ").Append(a[x++]).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>Renders a directory tree (paths and contents, sorted; bin/obj skipped) as one snapshot text.</summary>
    public static string RenderTree(string root, Func<string, bool>? include = null)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(p => p is "bin" or "obj"))
            .Where(f => include?.Invoke(f) ?? true)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var mode = (File.GetUnixFileMode(Path.Combine(root, file)) & UnixFileMode.UserExecute) != 0 ? " (executable)" : "";
            text.Append("=== ").Append(file).Append(mode).Append(" ===\n");
            text.Append(Normalize(File.ReadAllText(Path.Combine(root, file))));
        }

        return text.ToString();
    }

    /// <summary>Lists verified files of a test class that no test produced any more (stale snapshots).</summary>
    public static IReadOnlyList<string> StaleSnapshots(string snapshotDirectory, string testClass, IEnumerable<string> producedNames)
    {
        var produced = new HashSet<string>(producedNames, StringComparer.Ordinal);
        return Directory.Exists(snapshotDirectory)
            ? Directory.EnumerateFiles(snapshotDirectory, testClass + ".*.verified.*")
                .Select(Path.GetFileName)
                .Where(f => !produced.Contains(f!))
                .Select(f => f!)
                .ToList()
            : Array.Empty<string>();
    }
}
