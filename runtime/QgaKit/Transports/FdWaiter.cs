using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using QgaKit.Interop;

namespace QgaKit.Transports;

/// <summary>
/// Blocks in poll(2) on one descriptor until it is ready, a timeout passes, or the agent stops (a self-pipe that
/// cancellation writes to). The agent serves one request at a time, so blocking its loop here costs nothing.
/// </summary>
internal sealed unsafe class FdWaiter : IDisposable
{
    private readonly int _wakeRead;
    private readonly int _wakeWrite;
    private readonly Lock _registrationLock = new();
    private CancellationToken _registeredToken;
    private CancellationTokenRegistration _registration;
    private int _disposed;

    public FdWaiter()
    {
        var fds = stackalloc int[2];
        if (Poll.Pipe2(fds, Poll.O_CLOEXEC | Poll.O_NONBLOCK) != 0)
        {
            throw new IOException("pipe2 failed: " + Marshal.GetLastPInvokeErrorMessage());
        }

        _wakeRead = fds[0];
        _wakeWrite = fds[1];
    }

    /// <summary>Waits for <paramref name="events"/> on <paramref name="fd"/> (a negative fd just sleeps) and returns
    /// the returned events, 0 on timeout. Throws <see cref="OperationCanceledException"/> when the agent stops.</summary>
    public short Wait(int fd, short events, int timeoutMilliseconds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureRegistered(cancellationToken);
        var fds = stackalloc Poll.PollFd[2];
        while (true)
        {
            fds[0] = new Poll.PollFd { Fd = fd, Events = events };
            fds[1] = new Poll.PollFd { Fd = _wakeRead, Events = Poll.POLLIN };
            var count = Poll.PollFds(fds, 2, timeoutMilliseconds);
            if (count < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == FdIo.EINTR)
                {
                    continue;
                }

                throw new IOException("poll failed: " + FdIo.Describe(errno));
            }

            if (fds[1].Revents != 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Drain();
                continue;
            }

            return fds[0].Revents;
        }
    }

    /// <summary>Sleeps without spinning; wakes early only when the agent stops.</summary>
    public void Sleep(int milliseconds, CancellationToken cancellationToken) => Wait(-1, 0, milliseconds, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _registration.Dispose();
            _ = FdIo.Close(_wakeRead);
            _ = FdIo.Close(_wakeWrite);
        }
    }

    /// <summary>The agent passes the same stop token to every wait: register with it once, not per wait (a
    /// registration per read would allocate on every request). A wake-up left in the pipe after the token fired is
    /// harmless: cancellation is final.</summary>
    private void EnsureRegistered(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return;
        }

        lock (_registrationLock)
        {
            if (cancellationToken != _registeredToken)
            {
                _registration.Dispose();
                _registration = cancellationToken.UnsafeRegister(static state => ((FdWaiter)state!).Wake(), this);
                _registeredToken = cancellationToken;
            }
        }
    }

    private void Wake()
    {
        byte one = 1;
        _ = FdIo.Write(_wakeWrite, &one, 1);
    }

    private void Drain()
    {
        var buffer = stackalloc byte[64];
        while (FdIo.Read(_wakeRead, buffer, 64) > 0)
        {
        }
    }
}
