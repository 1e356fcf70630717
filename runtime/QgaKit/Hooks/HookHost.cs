using System;
using System.Threading;
using System.Threading.Tasks;

namespace QgaKit.Hooks;

// CONTRACT STUB (lead): the hooks helper implements this (paths from options, runner, logging, trust, timeout).

/// <summary>The agent's single place that runs hooks: resolves each hook type's configured path and runs it.</summary>
[AgentService]
public sealed partial class HookHost
{
    /// <summary>The configured path of <paramref name="hook"/>, or null when it is disabled.</summary>
    public string? GetPath(HookDefinition hook) => throw new NotImplementedException();

    public void Run(HookDefinition hook, string argument) => throw new NotImplementedException();

    public Task RunAsync(HookDefinition hook, string argument, CancellationToken cancellationToken) => throw new NotImplementedException();
}
