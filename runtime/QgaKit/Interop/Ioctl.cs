using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>The filesystem freeze ioctls (linux/fs.h). <c>_IOWR('X', 119/120, int)</c> encodes the same on x86-64 and arm64.</summary>
internal static partial class Ioctl
{
    public const uint FIFREEZE = 0xC0045877;
    public const uint FITHAW = 0xC0045878;

    /// <summary>ioctl(2) with an int argument; errno via <see cref="Marshal.GetLastPInvokeError"/>.
    /// The kernel ignores the argument of FIFREEZE/FITHAW.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlInt(int fd, nuint request, int argument);
}
