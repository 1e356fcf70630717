using System;
using System.Threading;
using System.Threading.Tasks;

namespace QgaKit.Hooks;

// Part of the contract with generated code: every <Name>Hook derives from this and runs through HookHost.

/// <summary>
/// Base of every generated hook class. <see cref="Path"/> null means the hook is disabled: running it does
/// nothing, checks nothing and logs nothing (qemu-ga without <c>-F</c>).
/// </summary>
public abstract class HookBase
{
    protected HookBase(HookDefinition definition, HookHost host)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(host);
        Definition = definition;
        Host = host;
    }

    public HookDefinition Definition { get; }

    /// <summary>The hook executable configured for this agent, or null when disabled.</summary>
    public string? Path => Host.GetPath(Definition);

    protected HookHost Host { get; }

    /// <summary>Runs the hook with <paramref name="argument"/> and waits; throws <see cref="QgaException"/> with
    /// the runtime's texts (<c>NAME hook has failed with status N</c>, …) when it fails.</summary>
    protected void Run(string argument) => Host.Run(Definition, argument);

    /// <summary>As <see cref="Run"/>; cancellation sends SIGTERM to the hook's process group, SIGKILL after the grace period.</summary>
    protected Task RunAsync(string argument, CancellationToken cancellationToken) => Host.RunAsync(Definition, argument, cancellationToken);
}
