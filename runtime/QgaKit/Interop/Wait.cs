using System;
using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>A raw wait status as waitpid(2) returns it, decoded as the W* macros of glibc do.</summary>
internal readonly struct WaitStatus
{
    public WaitStatus(int raw) => Raw = raw;

    public int Raw { get; }

    /// <summary>WIFEXITED: the low 7 bits are zero.</summary>
    public bool Exited => (Raw & 0x7f) == 0;

    /// <summary>WEXITSTATUS.</summary>
    public int ExitCode => (Raw >> 8) & 0xff;

    /// <summary>WIFSIGNALED: not exited and not stopped (0x7f).</summary>
    public bool Signaled => (Raw & 0x7f) != 0 && (Raw & 0x7f) != 0x7f;

    /// <summary>WTERMSIG.</summary>
    public int Signal => Raw & 0x7f;

    /// <summary>WCOREDUMP.</summary>
    public bool CoreDumped => (Raw & 0x80) != 0;
}

/// <summary>Waiting for one specific child: pidfd_open, poll and waitpid(pid). Never waitpid(-1) outside the
/// pid-1 shim: the .NET runtime reaps its own Process children and a wildcard wait would steal their statuses.</summary>
internal static unsafe partial class Wait
{
    public const int WNOHANG = 1;
    public const short POLLIN = 0x001;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    private const long SYS_pidfd_open = 434; // the same number on every architecture since Linux 5.3

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>Tests: behave as on Linux before 5.3, where pidfd_open does not exist.</summary>
    internal static bool SimulateNoPidfd { get; set; }

    /// <summary>pidfd_open(2) as the raw syscall (what glibc 2.36+'s wrapper does); returns the fd (O_CLOEXEC) or -errno.
    /// Not glibc's export: AOT agents bind libc at link time (QgaKit.props), and a glibc 2.36 symbol would keep them
    /// from loading on older guests (Ubuntu 22.04, RHEL 9).</summary>
    public static int PidfdOpen(int pid)
    {
        if (SimulateNoPidfd)
        {
            return -Errno.ENOSYS;
        }

        long r = syscall(SYS_pidfd_open, pid, 0);
        return r >= 0 ? (int)r : -Errno.Last;
    }

    /// <summary>waitpid(pid) retried on EINTR; returns the pid, 0 (WNOHANG and still running) or -errno.</summary>
    public static int WaitPid(int pid, int options, out WaitStatus status)
    {
        int raw;
        int r;
        do
        {
            r = waitpid(pid, &raw, options);
        }
        while (r < 0 && Errno.Last == Errno.EINTR);

        status = new WaitStatus(r > 0 ? raw : 0);
        return r >= 0 ? r : -Errno.Last;
    }

    /// <summary>poll(2) once; returns the ready count, 0 on timeout, or -errno (EINTR included: the caller recomputes its deadline).</summary>
    public static int Poll(PollFd* fds, int count, int timeoutMs)
    {
        int r = poll(fds, (nuint)count, timeoutMs);
        return r >= 0 ? r : -Errno.Last;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial long syscall(long number, long a1, long a2);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeoutMs);
}
