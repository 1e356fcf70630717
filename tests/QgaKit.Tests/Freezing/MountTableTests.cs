using System.Linq;
using QgaKit.Freezing;
using Xunit;

namespace QgaKit.Tests.Freezing;

/// <summary>Mount table parsing as qemu-ga's build_fs_mount_list (no root needed).</summary>
public sealed class MountTableTests
{
    private const string MountInfo =
        "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
        + "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
        + "40 27 7:0 / /mnt/with\\040space rw shared:5 master:1 - ext4 /dev/loop0 rw\n"
        + "41 40 7:1 / /mnt/back\\134slash\\011tab rw - xfs /dev/loop1 rw\n"
        + "42 27 0:45 / /data rw - btrfs /dev/sdb1 rw\n"
        + "43 27 0:46 / /other rw - btrfs /dev/not-a-block-device rw\n"
        + "44 27 0:47 / /tmp rw - tmpfs tmpfs rw\n"
        + "45 27 7:0 /sub /bind rw - ext4 /dev/loop0 rw\n";

    private static bool Probe(string path, out bool isDirectory, out bool isBlock, out uint major, out uint minor)
    {
        isDirectory = path.StartsWith("/srv", System.StringComparison.Ordinal);
        isBlock = path == "/dev/sdb1" || path.StartsWith("/dev/loop", System.StringComparison.Ordinal);
        (major, minor) = isBlock ? (8u, 17u) : (0u, 0u);
        return !path.Contains("missing", System.StringComparison.Ordinal);
    }

    [Fact]
    public void Mountinfo_keeps_block_backed_mounts_in_order_and_decodes_escapes()
    {
        var mounts = MountTable.ParseMountInfo(MountInfo, Probe);

        Assert.Equal(
            ["/", "/mnt/with space", "/mnt/back\\slash\ttab", "/data", "/bind"],
            mounts.Select(m => m.MountPoint));
        Assert.Equal(new MountEntry("/mnt/with space", "ext4", 7, 0), mounts[1]);
    }

    [Fact]
    public void Mountinfo_btrfs_on_a_block_device_takes_the_device_numbers()
    {
        var data = MountTable.ParseMountInfo(MountInfo, Probe).Single(m => m.MountPoint == "/data");

        Assert.Equal(new MountEntry("/data", "btrfs", 8, 17), data);
    }

    [Fact]
    public void Mountinfo_skips_malformed_lines()
    {
        Assert.Empty(MountTable.ParseMountInfo("garbage\n1 2 x:y / /a rw - ext4 /dev/a rw\n\n", Probe));
    }

    [Fact]
    public void Decoding_keeps_escapes_that_are_not_three_octal_digits()
    {
        Assert.Equal("/a\\9b\\4", MountNameDecoder.Decode("/a\\9b\\4"));
        Assert.Equal("/\u00e9x", MountNameDecoder.Decode("/\\303\\251x"));
    }

    [Fact]
    public void Mounts_fallback_skips_non_path_sources_cifs_and_bind_mounts()
    {
        const string mounts =
            "proc /proc proc rw 0 0\n"
            + "/dev/vda / ext4 rw 0 0\n"
            + "//server/share /mnt/smb cifs rw 0 0\n"
            + "/dev/sdc /mnt/smb2 smbfs rw 0 0\n"
            + "/srv/dir /mnt/bind none rw,bind 0 0\n"
            + "/dev/missing /mnt/gone ext4 rw 0 0\n"
            + "/dev/loop3 /mnt/x\\040y ext4 rw 0 0\n";

        var parsed = MountTable.ParseMounts(mounts, Probe);

        Assert.Equal(["/", "/mnt/gone", "/mnt/x y"], parsed.Select(m => m.MountPoint));
        Assert.Equal(new MountEntry("/mnt/gone", "ext4", 0, 0), parsed[1]);
        Assert.Equal(new MountEntry("/mnt/x y", "ext4", 8, 17), parsed[2]);
    }

    [SkippableFact]
    public void The_fallback_reads_block_device_numbers_with_statx()
    {
        Skip.IfNot(System.IO.File.Exists("/dev/loop0"), "needs /dev/loop0 (a block device with known numbers 7:0)");

        var parsed = MountTable.ParseMounts("/dev/loop0 /mnt/x ext4 rw 0 0\n/tmp /mnt/bind none rw,bind 0 0\n");

        Assert.Equal([new MountEntry("/mnt/x", "ext4", 7, 0)], parsed);
    }

    [Fact]
    public void The_proc_table_of_this_machine_parses()
    {
        var mounts = new ProcMountTable().Read();

        Assert.DoesNotContain(mounts, m => m.Major == 0 && m.FsType != "btrfs");
    }
}
