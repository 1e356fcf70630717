using System.IO;
using QgaKit.Interop;

namespace QgaKit.Hosting.Config;

/// <summary>Reads a config file the way g_key_file_load_from_file does (open, fstat: regular files only, read), so
/// that its errors are errno values with strerror's texts.</summary>
internal static class ConfigFileReader
{
    /// <summary>Returned instead of an errno for a path that is not a regular file (GLib's "Not a regular file").</summary>
    public const int NotRegularFile = -1;

    private const int EIO = 5;

    /// <summary>0 and the contents, or an errno (or <see cref="NotRegularFile"/>).</summary>
    public static int TryRead(string path, out byte[]? data)
    {
        data = null;
        using var handle = FileOpen.Open(path, FileOpen.O_RDONLY, 0, out var errno);
        if (handle.IsInvalid)
        {
            return errno;
        }

        if (!FileStatus.TryGet(handle, out _, out _, out var isRegular, out errno))
        {
            return errno;
        }

        if (!isRegular)
        {
            return NotRegularFile;
        }

        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, 1);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            data = buffer.ToArray();
            return 0;
        }
        catch (IOException)
        {
            return EIO;
        }
    }
}
