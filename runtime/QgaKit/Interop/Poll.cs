using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>poll(2), and the pipe a waiting transport is woken through when the agent stops.</summary>
internal static unsafe partial class Poll
{
    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;

    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>Entries with a negative fd are ignored by the kernel (used for a plain timed wait).</summary>
    [LibraryImport("libc.so.6", EntryPoint = "poll", SetLastError = true)]
    public static partial int PollFds(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc.so.6", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);
}
