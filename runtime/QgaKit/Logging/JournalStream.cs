using System;
using System.Globalization;
using QgaKit.Interop;

namespace QgaKit.Logging;

/// <summary>systemd sets <c>JOURNAL_STREAM=&lt;dev&gt;:&lt;inode&gt;</c> for a service whose stderr goes to the
/// journal; the variable is inherited, so it counts only while fd 2 is still that stream (sd_journal docs).</summary>
internal static class JournalStream
{
    public static bool IsStderr(string? journalStream)
    {
        if (!TryParse(journalStream, out var device, out var inode))
        {
            return false;
        }

        return FileStatus.TryGet(2, out var actualDevice, out var actualInode, out _, out _) && actualDevice == device && actualInode == inode;
    }

    public static bool TryParse(string? value, out ulong device, out ulong inode)
    {
        device = 0;
        inode = 0;
        if (value is null)
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && ulong.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out device)
            && ulong.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out inode);
    }
}
