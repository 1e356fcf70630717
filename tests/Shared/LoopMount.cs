using System;
using System.Diagnostics;
using System.IO;

namespace QgaKit.Testing;

/// <summary>
/// A scratch ext4 filesystem on a loop device, mounted in a temp directory, for tests that freeze for real.
/// Disposing always thaws (FITHAW through util-linux fsfreeze -u), unmounts and deletes the image — even when the
/// test failed. Construct it only after <see cref="SkipReason"/> returned null.
/// </summary>
public sealed class LoopMount : IDisposable
{
    // Held for the mount's life: a thaw thaws every frozen mount of the machine, so freezing tests anywhere must
    // not overlap (see MachineFreezeLock).
    private readonly MachineFreezeLock _lock = MachineFreezeLock.Acquire();

    public LoopMount(string directory, int sizeMiB = 32)
    {
        Image = Path.Combine(directory, "fs.img");
        MountPoint = Path.Combine(directory, "mnt");
        try
        {
            Directory.CreateDirectory(MountPoint);
            Run("truncate", "-s", sizeMiB + "M", Image);
            Run("mkfs.ext4", "-q", "-F", Image);
            Run("mount", "-o", "loop", Image, MountPoint);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public string Image { get; }

    public string MountPoint { get; }

    /// <summary>Why loop-mount tests cannot run here, or null when they can (root, mkfs.ext4, a loop device).</summary>
    public static string? SkipReason()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "needs root to mount loop devices and freeze them (CI runs as root)";
        }

        if (!File.Exists("/sbin/mkfs.ext4") && !File.Exists("/usr/sbin/mkfs.ext4"))
        {
            return "needs mkfs.ext4 (apt-get install e2fsprogs)";
        }

        if (!File.Exists("/dev/loop-control"))
        {
            return "needs loop devices (/dev/loop-control is missing)";
        }

        return null;
    }

    public void Dispose()
    {
        // Thaw first: unmounting a frozen filesystem would block.
        TryRun("fsfreeze", "-u", MountPoint);
        for (var attempt = 0; attempt < 20 && TryRun("umount", MountPoint) != 0; attempt++)
        {
            System.Threading.Thread.Sleep(100);
        }

        try
        {
            File.Delete(Image);
        }
        catch (IOException)
        {
        }

        _lock.Dispose();
    }

    private static void Run(string file, params string[] args)
    {
        if (TryRun(file, args) is var code && code != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {code}");
        }
    }

    private static int TryRun(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            return -1;
        }

        return process.ExitCode;
    }
}
