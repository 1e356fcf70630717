using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Interop;

namespace QgaKit.Hooks;

/// <summary>
/// Awaitable readiness of descriptors (a hook's pidfd and its output pipe) for <see cref="HookHost.RunAsync"/>:
/// one background thread polls every registered descriptor plus a wake pipe, so no thread is blocked per hook.
/// .NET has no public API to await an arbitrary fd (its Socket engine needs a socket).
/// </summary>
internal sealed unsafe class FdReactor
{
    /// <summary>Result bit: the first descriptor is readable (or hung up).</summary>
    public const int First = 1;

    /// <summary>Result bit: the second descriptor is readable (or hung up).</summary>
    public const int Second = 2;

    /// <summary>Result of a canceled wait; 0 means the timeout passed.</summary>
    public const int Canceled = -1;

    private static readonly Lazy<FdReactor> s_shared = new(() => new FdReactor());

    private readonly object _lock = new();
    private readonly List<Waiter> _waiters = new();
    private readonly int _wakeRead;
    private readonly int _wakeWrite;

    private FdReactor()
    {
        int rc = Spawn.CreatePipe(out _wakeRead, out _wakeWrite);
        if (rc != 0 || Spawn.SetNonBlocking(_wakeRead) != 0 || Spawn.SetNonBlocking(_wakeWrite) != 0)
        {
            throw new InvalidOperationException("cannot create the hook waiter's wake pipe: " + Errno.Describe(rc != 0 ? rc : Errno.Last));
        }

        var thread = new Thread(Loop) { IsBackground = true, Name = "QgaKit fd reactor" };
        thread.Start();
    }

    public static FdReactor Shared => s_shared.Value;

    /// <summary>Completes with <see cref="First"/>|<see cref="Second"/> for the ready descriptors (-1 = unused),
    /// 0 when <paramref name="timeoutMs"/> passed (-1 = never), or <see cref="Canceled"/>.</summary>
    public Task<int> WaitAsync(int first, int second, int timeoutMs, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(Canceled);
        }

        var waiter = new Waiter(first, second, timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs);
        lock (_lock)
        {
            _waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static state =>
            {
                var (reactor, w) = ((FdReactor, Waiter))state!;
                reactor.Complete(w, Canceled);
            }, (this, waiter));
        }

        Wake();
        return waiter.Task;
    }

    private void Complete(Waiter waiter, int result)
    {
        lock (_lock)
        {
            _waiters.Remove(waiter);
        }

        if (waiter.TrySetResult(result))
        {
            waiter.Registration.Dispose();
        }

        Wake();
    }

    private void Wake()
    {
        byte one = 1;
        _ = Spawn.Write(_wakeWrite, new ReadOnlySpan<byte>(&one, 1)); // a full pipe already means "wake up"
    }

    private void Loop()
    {
        var fds = new Wait.PollFd[16];
        var owners = new Waiter[16];
        Span<byte> drain = stackalloc byte[64];
        while (true)
        {
            int count = 1;
            long deadline = long.MaxValue;
            lock (_lock)
            {
                int needed = 1 + (2 * _waiters.Count);
                if (fds.Length < needed)
                {
                    fds = new Wait.PollFd[needed * 2];
                    owners = new Waiter[needed * 2];
                }

                fds[0] = new Wait.PollFd { Fd = _wakeRead, Events = Wait.POLLIN };
                foreach (var waiter in _waiters)
                {
                    deadline = Math.Min(deadline, waiter.Deadline);
                    foreach (int fd in (ReadOnlySpan<int>)[waiter.FirstFd, waiter.SecondFd])
                    {
                        if (fd >= 0)
                        {
                            owners[count] = waiter;
                            fds[count++] = new Wait.PollFd { Fd = fd, Events = Wait.POLLIN };
                        }
                    }
                }
            }

            long now = Environment.TickCount64;
            int timeout = deadline == long.MaxValue ? -1 : (int)Math.Clamp(deadline - now, 0, int.MaxValue);
            int ready;
            fixed (Wait.PollFd* p = fds)
            {
                ready = Wait.Poll(p, count, timeout);
            }

            if (ready > 0 && fds[0].Revents != 0)
            {
                while (Spawn.Read(_wakeRead, drain) > 0)
                {
                }
            }

            var results = new Dictionary<Waiter, int>();
            for (int i = 1; ready > 0 && i < count; i++)
            {
                if (fds[i].Revents != 0)
                {
                    var w = owners[i];
                    int bit = fds[i].Fd == w.FirstFd ? First : Second;
                    results[w] = (results.TryGetValue(w, out int r) ? r : 0) | bit;
                }
            }

            now = Environment.TickCount64;
            lock (_lock)
            {
                foreach (var waiter in _waiters)
                {
                    if (!results.ContainsKey(waiter) && waiter.Deadline <= now)
                    {
                        results[waiter] = 0;
                    }
                }
            }

            foreach (var (waiter, result) in results)
            {
                lock (_lock)
                {
                    _waiters.Remove(waiter);
                }

                if (waiter.TrySetResult(result))
                {
                    waiter.Registration.Dispose();
                }
            }

            Array.Clear(owners);
        }
    }

    private sealed class Waiter : TaskCompletionSource<int>
    {
        public Waiter(int first, int second, long deadline)
            : base(TaskCreationOptions.RunContinuationsAsynchronously)
        {
            FirstFd = first;
            SecondFd = second;
            Deadline = deadline;
        }

        public int FirstFd { get; }

        public int SecondFd { get; }

        public long Deadline { get; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
