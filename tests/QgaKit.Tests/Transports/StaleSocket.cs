using System;
using System.Runtime.InteropServices;
using System.Text;

namespace QgaKit.Tests.Transports;

/// <summary>Leaves a socket file behind as a killed process would (.NET's Socket unlinks its own on Dispose).</summary>
internal static unsafe partial class StaleSocket
{
    public static void Create(string path)
    {
        var fd = socket(1 /* AF_UNIX */, 1 /* SOCK_STREAM */, 0);
        if (fd < 0)
        {
            throw new InvalidOperationException("socket() failed");
        }

        try
        {
            var address = stackalloc byte[110];
            new Span<byte>(address, 110).Clear();
            *(ushort*)address = 1;
            var bytes = Encoding.UTF8.GetBytes(path);
            bytes.CopyTo(new Span<byte>(address + 2, 107));
            if (bind(fd, address, 110) != 0)
            {
                throw new InvalidOperationException("bind() failed: " + Marshal.GetLastPInvokeErrorMessage());
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int bind(int fd, byte* address, int length);

    [LibraryImport("libc.so.6")]
    private static partial int close(int fd);
}
