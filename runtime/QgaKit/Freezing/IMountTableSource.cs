using System.Collections.Generic;

namespace QgaKit.Freezing;

/// <summary>
/// Where the freezer gets its mount list, in mountinfo order. The agent uses <see cref="ProcMountTable"/>; tests
/// inject a list that contains their own mounts only, so freeze-all never reaches the machine's filesystems.
/// </summary>
public interface IMountTableSource
{
    /// <summary>Reads a fresh list; throws <see cref="QgaException"/> with qemu-ga's text when it cannot.</summary>
    IReadOnlyList<MountEntry> Read();
}
