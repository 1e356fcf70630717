using System;
using System.Collections.Generic;
using QgaKit.Interop;

namespace QgaKit.Freezing;

/// <summary>
/// Parses the kernel's mount tables the way qemu-ga's <c>build_fs_mount_list</c> does (commands-linux.c, 7.2):
/// every block-backed mount in table order, duplicates of one superblock kept (EBUSY/EINVAL sort them out).
/// </summary>
public static class MountTable
{
    /// <summary>How a device path is examined (stat); injectable for parser tests.</summary>
    public delegate bool DeviceProbe(string path, out bool isDirectory, out bool isBlockDevice, out uint major, out uint minor);

    /// <summary>Parses <c>/proc/self/mountinfo</c> text: lines with major 0 are skipped unless the type is btrfs
    /// and the source is a block device, whose numbers are then used.</summary>
    public static IReadOnlyList<MountEntry> ParseMountInfo(string text, DeviceProbe? probe = null)
    {
        probe ??= ProbeDevice;
        var mounts = new List<MountEntry>();
        foreach (var line in text.Split('\n'))
        {
            // "36 35 98:0 /root /mnt/point opts [optional fields...] - fstype source superopts"
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var head = line[..separator].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var tail = line[(separator + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (head.Length < 5 || tail.Length < 2 || !TryParseDevice(head[2], out var major, out var minor))
            {
                continue;
            }

            var fsType = tail[0];
            var source = MountNameDecoder.Decode(tail[1]);
            if (major == 0)
            {
                // btrfs reports an anonymous device number; its real device is the source.
                if (fsType != "btrfs" || !probe(source, out _, out var isBlock, out major, out minor) || !isBlock)
                {
                    continue;
                }
            }

            mounts.Add(new MountEntry(MountNameDecoder.Decode(head[4]), fsType, major, minor));
        }

        return mounts;
    }

    /// <summary>Parses <c>/proc/self/mounts</c> text (the fallback, as getmntent): sources must start with <c>/</c>,
    /// smbfs and cifs are skipped, and so are bind mounts (a source that is a directory).</summary>
    public static IReadOnlyList<MountEntry> ParseMounts(string text, DeviceProbe? probe = null)
    {
        probe ??= ProbeDevice;
        var mounts = new List<MountEntry>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || fields[0].StartsWith('#'))
            {
                continue;
            }

            var source = MountNameDecoder.Decode(fields[0]);
            var fsType = fields[2];
            if (!source.StartsWith('/') || fsType is "smbfs" or "cifs")
            {
                continue;
            }

            uint major = 0, minor = 0;
            if (probe(source, out var isDirectory, out var isBlock, out var devMajor, out var devMinor))
            {
                if (isDirectory)
                {
                    continue;
                }

                if (isBlock)
                {
                    (major, minor) = (devMajor, devMinor);
                }
            }

            mounts.Add(new MountEntry(MountNameDecoder.Decode(fields[1]), fsType, major, minor));
        }

        return mounts;
    }

    private static bool TryParseDevice(string field, out uint major, out uint minor)
    {
        major = minor = 0;
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && uint.TryParse(field.AsSpan(0, colon), out major)
            && uint.TryParse(field.AsSpan(colon + 1), out minor);
    }

    private static bool ProbeDevice(string path, out bool isDirectory, out bool isBlockDevice, out uint major, out uint minor)
    {
        isDirectory = isBlockDevice = false;
        major = minor = 0;
        if (FileSystem.Stat(path, out var status) != 0)
        {
            return false;
        }

        isDirectory = status.Type == FileSystem.S_IFDIR;
        isBlockDevice = status.Type == FileSystem.S_IFBLK;
        (major, minor) = isBlockDevice ? (status.RdevMajor, status.RdevMinor) : (0u, 0u);
        return true;
    }
}
