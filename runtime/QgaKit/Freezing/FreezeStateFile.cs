using System.Runtime.InteropServices;
using QgaKit.Interop;

namespace QgaKit.Freezing;

/// <summary>
/// <c>&lt;statedir&gt;/qga.state.isfrozen</c>: empty, mode 0600, present exactly while the agent is frozen, so an
/// agent restarted after a crash comes up frozen (qemu-ga's <c>check_is_frozen</c>). It is written before the
/// first FIFREEZE and removed after thaw, so writing it can never block on a frozen filesystem.
/// </summary>
public sealed class FreezeStateFile
{
    public FreezeStateFile(string stateDirectory)
    {
        Path = System.IO.Path.Combine(stateDirectory, FreezeTexts.StateFileName);
    }

    public string Path { get; }

    /// <summary>Creates the empty file (<c>O_CREAT|O_WRONLY|O_NOFOLLOW|O_CLOEXEC</c>, 0600); false when that failed.</summary>
    public bool Create()
    {
        // O_NOFOLLOW: a symlink planted in a shared state dir must not make the agent create a file elsewhere.
        var fd = FileSystem.Open(Path, FileSystem.O_CREAT | FileSystem.O_WRONLY | FileSystem.O_NOFOLLOW | FileSystem.O_CLOEXEC, 0x180);
        if (fd < 0)
        {
            return false;
        }

        FileSystem.Close(fd);
        return true;
    }

    /// <summary>Removes the file; true when it is gone (or was never there).</summary>
    public bool Delete() => FileSystem.Unlink(Path) == 0 || Marshal.GetLastPInvokeError() == Errno.ENOENT;

    /// <summary>
    /// qemu-ga's start-up rule: the file's presence means frozen. A stat error other than ENOENT is reported
    /// through <paramref name="error"/> and also counts as frozen (qemu-ga returns EXIT_FAILURE, which is true).
    /// </summary>
    public bool Exists(out string? error)
    {
        error = null;
        if (FileSystem.Stat(Path, out _) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == Errno.ENOENT)
        {
            return false;
        }

        error = FreezeTexts.UnableToAccess(Path, Errno.Describe(errno));
        return true;
    }
}
