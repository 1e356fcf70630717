using System;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Hosting;
using QgaKit.Logging;

namespace QgaKit.Hooks;

// Generated hook classes and the freezer run hooks through this one class.

/// <summary>The agent's single place that runs hooks: resolves each hook type's configured path and runs it
/// with the options <c>--hook-timeout</c>, <c>--hook-log</c> and <c>--hook-allow-untrusted</c>.</summary>
[AgentService]
public sealed partial class HookHost
{
    private readonly AgentOptions _options;
    private readonly Action<LogLevel, string> _log;

    /// <summary>The agent's host: logs through <paramref name="logger"/>.</summary>
    public HookHost(AgentOptions options, AgentLogger logger)
        : this(options, (logger ?? throw new ArgumentNullException(nameof(logger))).Log)
    {
    }

    /// <summary>A host with its own log sink (tests, tools); <paramref name="log"/> receives every line.</summary>
    public HookHost(AgentOptions options, Action<LogLevel, string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _log = log;
    }

    /// <summary>Time between SIGTERM and SIGKILL when a hook times out or its run is canceled (5 s).</summary>
    public TimeSpan KillGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The configured path of <paramref name="hook"/>, or null when it is disabled.</summary>
    public string? GetPath(HookDefinition hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return _options.HookPaths.TryGetValue(hook.Name, out var path) ? path : null;
    }

    /// <summary>Runs the hook with <paramref name="argument"/> and waits; nothing at all when it is disabled.
    /// Failures throw <see cref="QgaException"/> with qemu-ga's texts (<c>NAME hook has failed with status N</c>, …).</summary>
    public void Run(HookDefinition hook, string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        string? path = GetPath(hook);
        if (path is not null)
        {
            HookRunner.Run(hook.Name, path, argument, Settings(), _log);
        }
    }

    /// <summary>As <see cref="Run"/> without blocking a thread while the hook runs. Cancellation sends SIGTERM to
    /// the hook's process group, SIGKILL after <see cref="KillGrace"/>, reaps it and throws
    /// <see cref="OperationCanceledException"/>.</summary>
    public Task RunAsync(HookDefinition hook, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argument);
        string? path = GetPath(hook);
        return path is null
            ? Task.CompletedTask
            : HookRunner.RunAsync(hook.Name, path, argument, Settings(), _log, cancellationToken);
    }

    private HookRunSettings Settings() => new()
    {
        TimeoutSeconds = Math.Max(0, _options.HookTimeoutSeconds),
        CaptureOutput = _options.HookLog,
        AllowUntrusted = _options.HookAllowUntrusted,
        KillGrace = KillGrace,
    };
}
