using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace QgaKit.Testing;

/// <summary>
/// The core of the kit's Verify-style snapshots, shared by the test projects: compares produced texts with
/// <c>Snapshots/&lt;prefix&gt;….verified.*</c>; on a mismatch or a missing file writes <c>*.received.*</c> and fails
/// with a unified diff; <c>QGAKIT_ACCEPT=1</c> accepts instead. Verified files with the prefix that nothing
/// produced any more are reported as stale (deleted when accepting). Line endings are normalised to LF.
/// </summary>
public static class SnapshotFiles
{
    public static bool Accepting => Environment.GetEnvironmentVariable("QGAKIT_ACCEPT") == "1";

    /// <summary>Checks every <c>file name → content</c> of <paramref name="expected"/> in <paramref name="directory"/>.</summary>
    public static void Compare(string directory, string prefix, IReadOnlyDictionary<string, string> expected, Func<string, string>? normalize = null, bool reportStale = true)
    {
        Directory.CreateDirectory(directory);
        var failures = new StringBuilder();
        foreach (var (name, rawContent) in expected)
        {
            var content = Normalize(rawContent, normalize);
            var verifiedPath = Path.Combine(directory, name);
            var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
            var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath), normalize) : null;
            if (verified == content)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (Accepting)
            {
                File.WriteAllText(verifiedPath, content);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, content);
            failures.Append(verified is null ? "New snapshot " + name + " (see the .received file):\n" : "Snapshot " + name + " differs:\n")
                .Append(UnifiedDiff(verified ?? string.Empty, content)).Append('\n');
        }

        foreach (var stale in !reportStale ? Array.Empty<string>() : Directory.GetFiles(directory, prefix + "#*.verified.*").Concat(Directory.GetFiles(directory, prefix + ".verified.*")))
        {
            var name = Path.GetFileName(stale);
            if (!expected.ContainsKey(name))
            {
                if (Accepting)
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

    private static string Normalize(string text, Func<string, string>? normalize)
    {
        var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return normalize is null ? lf : normalize(lf);
    }

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
