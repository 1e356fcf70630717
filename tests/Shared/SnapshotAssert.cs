using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace QgaKit.Testing;

/// <summary>
/// One-text snapshots for tests that are not about generator runs (e.g. a scaffolded file tree): compares with
/// <c>&lt;Class&gt;.&lt;Method&gt;[#part].verified.&lt;ext&gt;</c> in a <c>Snapshots</c> folder beside the calling test file,
/// through <see cref="SnapshotFiles"/> (received files, unified diff, <c>QGAKIT_ACCEPT=1</c>).
/// </summary>
public static class SnapshotAssert
{
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
        var prefix = Path.GetFileNameWithoutExtension(callerFile) + "." + callerMember;
        var name = prefix + (part is null ? "" : "#" + part) + ".verified." + extension;
        SnapshotFiles.Compare(directory, prefix, new Dictionary<string, string> { [name] = actual }, Normalize, reportStale: part is null);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

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
}
