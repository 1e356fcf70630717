using QgaKit.Testing;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QgaKit.Freezing;
using Xunit;

namespace QgaKit.Tests.Freezing;

/// <summary>
/// Test-owned ext4 images on loop devices under one temp directory. Dispose always thaws (FITHAW via
/// <c>fsfreeze -u</c>), unmounts (children first) and detaches the loop devices, even after a failed test.
/// Only these mounts are ever frozen: <see cref="Table"/> is the mount table the freezer gets.
/// </summary>
internal sealed class LoopMounts : IDisposable
{
    private readonly List<string> _mounted = new();
    private readonly List<Writer> _writers = new();
    private readonly MachineFreezeLock _lock;

    public LoopMounts()
    {
        _lock = MachineFreezeLock.Acquire();
        Root = Directory.CreateTempSubdirectory("qgakit-freeze-").FullName;
        StateDir = Directory.CreateDirectory(Path.Combine(Root, "state")).FullName;
    }

    public string Root { get; }

    /// <summary>On the machine's own filesystem, never frozen by a test.</summary>
    public string StateDir { get; }

    /// <summary>Why the freezing tests cannot run here, or null.</summary>
    public static string? SkipReason()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "freezing tests need root (mount, losetup, FIFREEZE)";
        }

        if (!File.Exists("/dev/loop-control"))
        {
            return "freezing tests need loop devices (/dev/loop-control is missing)";
        }

        foreach (var tool in new[] { "mkfs.ext4", "losetup", "mount", "umount", "fsfreeze", "truncate" })
        {
            if (!Shell.HasTool(tool))
            {
                return $"freezing tests need {tool}";
            }
        }

        return null;
    }

    /// <summary>Creates a 64 MiB ext4 image and loop-mounts it at <c>Root/relativePath</c>.</summary>
    public string AddExt4(string relativePath)
    {
        var mountPoint = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(mountPoint);
        var image = Path.Combine(Root, relativePath.Replace('/', '_') + ".img");
        Shell.Check("truncate", "-s", "64M", image);
        Shell.Check("mkfs.ext4", "-q", "-F", image);
        Shell.Check("mount", "-o", "loop", image, mountPoint);
        _mounted.Add(mountPoint);
        return mountPoint;
    }

    /// <summary>Bind-mounts <paramref name="source"/> at <c>Root/relativePath</c> (a second mount of one superblock).</summary>
    public string AddBind(string source, string relativePath)
    {
        var mountPoint = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(mountPoint);
        Shell.Check("mount", "--bind", source, mountPoint);
        _mounted.Add(mountPoint);
        return mountPoint;
    }

    /// <summary>The real mountinfo, parsed by the kit's parser, reduced to this fixture's mounts.</summary>
    public IReadOnlyList<MountEntry> ReadOwnMounts()
        => new ProcMountTable().Read().Where(m => m.MountPoint.StartsWith(Root + "/", StringComparison.Ordinal)).ToList();

    /// <summary>A mount table source of this fixture's mounts only (freshly read each time, as the agent's).</summary>
    public IMountTableSource Table => new FilteredTable(this, extra: null);

    /// <summary>Like <see cref="Table"/>, with <paramref name="extra"/> entries first (in front in mountinfo order).</summary>
    public IMountTableSource TableWith(params MountEntry[] extra) => new FilteredTable(this, extra);

    public Writer StartWriter(string mountPoint) => Track(Writer.Start(Path.Combine(mountPoint, "written.txt")));

    public void Dispose()
    {
        // Every step runs even when an earlier one failed: a mount left frozen or attached outlives the test run.
        // Thaw before anything else: a writer in D state cannot die, and umount of a frozen fs waits.
        foreach (var mountPoint in _mounted)
        {
            Try(() => Shell.Run("fsfreeze", "-u", mountPoint));
        }

        foreach (var writer in _writers)
        {
            Try(writer.Dispose);
        }

        for (var i = _mounted.Count - 1; i >= 0; i--)
        {
            var mountPoint = _mounted[i];
            Try(() =>
            {
                var source = Shell.Run("findmnt", "-n", "-o", "SOURCE", "--mountpoint", mountPoint).Output.Trim();
                if (Shell.Run("umount", mountPoint).ExitCode != 0)
                {
                    Shell.Run("umount", "-l", mountPoint);
                }

                if (source.StartsWith("/dev/loop", StringComparison.Ordinal))
                {
                    Shell.Run("losetup", "-d", source);
                }
            });
        }

        Try(() => Directory.Delete(Root, recursive: true));
        _lock.Dispose();
    }

    private static void Try(Action step)
    {
        try
        {
            step();
        }
        catch (Exception)
        {
            // Cleanup is best effort per step; the test's own assertion reports the real failure.
        }
    }

    private Writer Track(Writer writer)
    {
        _writers.Add(writer);
        return writer;
    }

    private sealed class FilteredTable(LoopMounts owner, MountEntry[]? extra) : IMountTableSource
    {
        public IReadOnlyList<MountEntry> Read()
        {
            var own = owner.ReadOwnMounts();
            Assert.NotEmpty(own);
            return extra is null ? own : extra.Concat(own).ToList();
        }
    }
}
