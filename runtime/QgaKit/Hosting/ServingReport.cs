using QgaKit.Dispatch;
using QgaKit.Hosting.Daemon;
using QgaKit.Logging;

namespace QgaKit.Hosting;

/// <summary>
/// Tells the world the agent serves, once, when its first channel is open: the <c>-d</c> child writes its pidfile
/// and releases its parent, any other agent notifies systemd. An agent that starts frozen writes its pidfile only
/// after the thaw (qemu-ga defers it so nothing is written to a frozen filesystem).
/// </summary>
internal sealed class ServingReport
{
    private readonly DaemonChild? _daemon;
    private readonly AgentOptions _options;
    private readonly FrozenState _frozen;
    private readonly AgentLogger _logger;
    private bool _reported;

    public ServingReport(DaemonChild? daemon, AgentOptions options, FrozenState frozen, AgentLogger logger)
    {
        _daemon = daemon;
        _options = options;
        _frozen = frozen;
        _logger = logger;
    }

    /// <summary>Reports once; false (after logging the reason) when the agent must exit with status 1.</summary>
    public bool ChannelOpened()
    {
        if (_reported)
        {
            return true;
        }

        _reported = true;
        var deferPidFile = _frozen.IsFrozen;
        if (!DaemonMode.ReportServing(_daemon, deferPidFile ? null : _options.PidFile, out var error))
        {
            _logger.Critical(error ?? string.Empty);
            return false;
        }

        if (deferPidFile && _daemon is not null)
        {
            _frozen.Changed += OnFrozenChanged;
        }

        return true;
    }

    private void OnFrozenChanged(bool frozen)
    {
        if (frozen || _daemon is null)
        {
            return;
        }

        _frozen.Changed -= OnFrozenChanged;
        if (!_daemon.TryWritePidFile(_options.PidFile, out var error))
        {
            _logger.Critical(error ?? string.Empty);
        }
    }
}
