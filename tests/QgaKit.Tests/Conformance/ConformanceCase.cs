using System;
using System.Collections.Generic;
using System.Linq;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// One differential case: the same script is played against qemu-ga and our agent and the replies compared.
/// </summary>
/// <param name="Name">Unique, stable name (the theory's data row).</param>
/// <param name="Source">Where the expected behaviour is written down (reference section).</param>
/// <param name="Script">What is sent, step by step.</param>
public sealed record ConformanceCase(string Name, string Source, Script Script)
{
    /// <summary>Extra agent arguments (e.g. <c>-b guest-ping</c>), given to both agents.</summary>
    public IReadOnlyList<string> Args { get; init; } = Array.Empty<string>();

    /// <summary>qemu-ga 7.2's replies per collecting step, byte-exact (a leading U+00FF marks a 0xFF-delimited
    /// reply), from the reference document or observed by this harness; null when not recorded.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Recorded { get; init; }

    /// <summary>Why the case is not compared against our agent (a qemu-ga-only command), or null.</summary>
    public string? ReferenceOnly { get; init; }

    /// <summary>A precise note on a known failure of our agent; the differential test then skips on mismatch.</summary>
    public string? KnownFailure { get; init; }

    /// <summary>Every byte the script sends, for allow-list entries that look at the request.</summary>
    public byte[] SentBytes => Script.Actions.Where(a => a.Kind == ActionKind.Send).SelectMany(a => a.Bytes).ToArray();

    public override string ToString() => Name;
}
