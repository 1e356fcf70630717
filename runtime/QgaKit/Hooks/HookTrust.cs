using System.Collections.Generic;
using QgaKit.Interop;

namespace QgaKit.Hooks;

/// <summary>
/// The trusted-hook rule: a hook runs as the agent (usually root), so whoever can change the file, or rename
/// anything on its way, can run code as root. The file must be a regular file owned by root or the agent's euid
/// and not writable by group or others; every directory above it likewise, except that a sticky directory (like
/// /tmp) may be world-writable because others cannot rename or remove what they do not own there.
/// Both the path as configured and the path with symlinks resolved are checked.
/// </summary>
internal static class HookTrust
{
    /// <summary>Null when trusted, else the reason. A path that cannot be examined is left to access(), which
    /// gives qemu-ga's <c>can't access</c> text.</summary>
    public static string? Check(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null; // access("") gives qemu-ga's "No such file or directory"
        }

        uint euid = FileStatus.geteuid();
        string absolute = System.IO.Path.GetFullPath(path);
        if (FileStatus.Get(absolute, follow: true, out var file) != 0)
        {
            return null;
        }

        if (file.Type != FileStatus.S_IFREG)
        {
            return HookTexts.NotRegularFile();
        }

        if (file.Uid != 0 && file.Uid != euid)
        {
            return HookTexts.FileOwner(file.Uid, euid);
        }

        string? who = Writers(file.Mode);
        if (who is not null)
        {
            return HookTexts.FileWritable(who);
        }

        var checkedDirectories = new HashSet<string>();
        string? reason = CheckAncestors(absolute, euid, checkedDirectories);
        string? real = FileStatus.RealPath(absolute, out _);
        if (reason is null && real is not null && real != absolute)
        {
            reason = CheckAncestors(real, euid, checkedDirectories);
        }

        return reason;
    }

    private static string? CheckAncestors(string path, uint euid, HashSet<string> done)
    {
        for (string? dir = System.IO.Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (!done.Add(dir) || FileStatus.Get(dir, follow: true, out var info) != 0)
            {
                continue;
            }

            if (info.Type != FileStatus.S_IFDIR)
            {
                return HookTexts.NotDirectory(dir);
            }

            if (info.Uid != 0 && info.Uid != euid)
            {
                return HookTexts.DirectoryOwner(dir, info.Uid, euid);
            }

            string? who = Writers(info.Mode);
            if (who is not null && (info.Mode & FileStatus.S_ISVTX) == 0)
            {
                return HookTexts.DirectoryWritable(dir, who);
            }
        }

        return null;
    }

    private static string? Writers(uint mode) => (mode & (FileStatus.S_IWGRP | FileStatus.S_IWOTH)) switch
    {
        FileStatus.S_IWGRP => "group",
        FileStatus.S_IWOTH => "others",
        FileStatus.S_IWGRP | FileStatus.S_IWOTH => "group and others",
        _ => null,
    };
}
