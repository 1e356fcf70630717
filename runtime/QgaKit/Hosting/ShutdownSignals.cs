using System;
using System.Runtime.InteropServices;
using System.Threading;
using QgaKit.Dispatch;
using QgaKit.Logging;

namespace QgaKit.Hosting;

/// <summary>
/// SIGTERM/SIGINT: stop at once when thawed. qemu-ga ignores them while frozen (its quit_handler does nothing),
/// which leaves SIGKILL and frozen filesystems as the only way out; we defer them instead and exit right after
/// the next thaw's reply (docs/compatibility.md).
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly FrozenState _frozen;
    private readonly AgentLogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _int;
    private readonly Lock _lock = new();
    private bool _deferred;
    private volatile bool _exitAfterReply;

    public ShutdownSignals(FrozenState frozen, AgentLogger logger, CancellationTokenSource stop)
    {
        _frozen = frozen;
        _logger = logger;
        _stop = stop;
        _frozen.Changed += OnFrozenChanged;
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    /// <summary>A signal arrived while frozen and the agent has since thawed: exit once the current reply is sent.</summary>
    public bool ExitAfterReply => _exitAfterReply;

    public void Dispose()
    {
        _frozen.Changed -= OnFrozenChanged;
        _term.Dispose();
        _int.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the runtime from terminating the process: the agent loop ends and Run returns 0.
        context.Cancel = true;
        RequestStop(context.Signal == PosixSignal.SIGTERM ? 15 : 2);
    }

    /// <summary>What SIGTERM/SIGINT do: stop now when thawed, else remember it until the next thaw.</summary>
    internal void RequestStop(int signal)
    {
        lock (_lock)
        {
            if (_frozen.IsFrozen)
            {
                _deferred = true;
                _logger.Warning(AgentTexts.SignalWhileFrozen(signal));
                return;
            }
        }

        _logger.Debug(AgentTexts.Quitting(signal));
        _stop.Cancel();
    }

    private void OnFrozenChanged(bool frozen)
    {
        lock (_lock)
        {
            if (!frozen && _deferred)
            {
                _exitAfterReply = true;
            }
        }
    }
}
