using System.IO;
using System.Runtime.InteropServices;

namespace QgaKit.Tests.Freezing;

/// <summary>
/// Shuts an ext4 filesystem down (EXT4_IOC_SHUTDOWN, NOLOGFLUSH): its FIFREEZE then fails with EIO, a real
/// freeze error that is neither EBUSY nor EOPNOTSUPP. Only ever used on a test image.
/// </summary>
internal static partial class Ext4Shutdown
{
    private const uint EXT4_IOC_SHUTDOWN = 0x8004587D;
    private const uint EXT4_GOING_FLAGS_NOLOGFLUSH = 2;

    public static void Shutdown(string mountPoint)
    {
        var fd = Open(mountPoint, 0);
        if (fd < 0)
        {
            throw new IOException($"open {mountPoint}: {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            var flags = EXT4_GOING_FLAGS_NOLOGFLUSH;
            if (Ioctl(fd, EXT4_IOC_SHUTDOWN, ref flags) != 0)
            {
                throw new IOException($"EXT4_IOC_SHUTDOWN {mountPoint}: {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, ref uint flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
