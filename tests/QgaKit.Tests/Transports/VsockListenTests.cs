using System;
using System.Runtime.InteropServices;
using System.Text;
using QgaKit.Tests.Hosting;
using Xunit;

namespace QgaKit.Tests.Transports;

/// <summary>vsock-listen end to end over the kernel's vsock loopback (CID 1); skipped where it is not available.</summary>
public unsafe partial class VsockListenTests
{
    private const int AF_VSOCK = 40;
    private const uint LocalCid = 1;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public void Answers_over_vsock()
    {
        var port = (uint)Random.Shared.Next(20000, 60000);
        Skip.IfNot(LoopbackWorks(port + 1), "vsock loopback (CID 1) is not available on this kernel (vsock_loopback)");
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "vsock-listen", "-p", "4294967295:" + port]);
        var fd = -1;
        var deadline = DateTime.UtcNow + Timeout;
        while (fd < 0)
        {
            Assert.False(agent.HasExited, agent.StandardError);
            Assert.True(DateTime.UtcNow < deadline, "the agent never listened on vsock port " + port);
            fd = Connect(port, 2000);
            if (fd < 0)
            {
                System.Threading.Thread.Sleep(100);
            }
        }

        try
        {
            var request = Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":5}}");
            fixed (byte* pointer = request)
            {
                Assert.Equal(request.Length, (int)write(fd, pointer, (nuint)request.Length));
            }

            Assert.Equal("{\"return\": 5}\n", ReadLine(fd));
        }
        finally
        {
            _ = close(fd);
        }
    }

    private static bool LoopbackWorks(uint port)
    {
        var listener = socket(AF_VSOCK, 1, 0);
        if (listener < 0)
        {
            return false;
        }

        try
        {
            var address = Address(uint.MaxValue, port);
            if (bind(listener, &address, 16) != 0 || listen(listener, 1) != 0)
            {
                return false;
            }

            var client = Connect(port, 2000);
            if (client < 0)
            {
                return false;
            }

            _ = close(client);
            return true;
        }
        finally
        {
            _ = close(listener);
        }
    }

    /// <summary>Connects to CID 1 with a timeout; -1 when it fails.</summary>
    private static int Connect(uint port, int timeoutMilliseconds)
    {
        var fd = socket(AF_VSOCK, 1 | 0x800 /* SOCK_NONBLOCK */, 0);
        if (fd < 0)
        {
            return -1;
        }

        var address = Address(LocalCid, port);
        if (connect(fd, &address, 16) != 0 && Marshal.GetLastPInvokeError() != 115 /* EINPROGRESS */)
        {
            _ = close(fd);
            return -1;
        }

        var pollfd = stackalloc short[4];
        *(int*)pollfd = fd;
        pollfd[2] = 4; // POLLOUT
        pollfd[3] = 0;
        int error = 0;
        var length = 4;
        if (poll(pollfd, 1, timeoutMilliseconds) != 1 || getsockopt(fd, 1 /* SOL_SOCKET */, 4 /* SO_ERROR */, &error, &length) != 0 || error != 0)
        {
            _ = close(fd);
            return -1;
        }

        return fd;
    }

    private static string ReadLine(int fd)
    {
        var text = new StringBuilder();
        var deadline = DateTime.UtcNow + Timeout;
        var buffer = stackalloc byte[4096];
        var pollfd = stackalloc short[4];
        while (!text.ToString().Contains('\n', StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "no reply over vsock; got '" + text + "'");
            *(int*)pollfd = fd;
            pollfd[2] = 1; // POLLIN
            pollfd[3] = 0;
            if (poll(pollfd, 1, 200) == 1)
            {
                var count = read(fd, buffer, 4096);
                Assert.True(count > 0, "the agent closed the vsock connection");
                text.Append(Encoding.Latin1.GetString(buffer, (int)count));
            }
        }

        return text.ToString();
    }

    private static SockaddrVm Address(uint cid, uint port) => new() { Family = AF_VSOCK, Port = port, Cid = cid };

    [StructLayout(LayoutKind.Sequential)]
    private struct SockaddrVm
    {
        public ushort Family;
        public ushort Reserved;
        public uint Port;
        public uint Cid;
        public uint Zero;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int bind(int fd, SockaddrVm* address, int length);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int listen(int fd, int backlog);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int connect(int fd, SockaddrVm* address, int length);

    [LibraryImport("libc.so.6")]
    private static partial int getsockopt(int fd, int level, int name, int* value, int* length);

    [LibraryImport("libc.so.6")]
    private static partial int poll(short* fds, nuint count, int timeout);

    [LibraryImport("libc.so.6")]
    private static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6")]
    private static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6")]
    private static partial int close(int fd);
}
