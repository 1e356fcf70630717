using System;
using System.Collections.Generic;
using QgaKit.Hooks;

namespace QgaKit.Hosting.Config;

/// <summary>The configuration being merged (config file, then command line): the <see cref="AgentOptions"/> plus what
/// <c>-D</c> needs to print them as qemu-ga does (each source's RPC list, which of the kit's keys were set).</summary>
public sealed class AgentConfiguration
{
    private readonly List<string[]> _blockSources = new();
    private readonly List<string[]> _allowSources = new();
    private readonly HashSet<string> _kitKeysSet = new(StringComparer.Ordinal);

    public AgentConfiguration(HookCatalog hooks)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        Hooks = hooks;
    }

    public AgentOptions Options { get; } = new();

    public HookCatalog Hooks { get; }

    /// <summary>Each <c>-b</c>/<c>block-rpcs</c> source's list, in the order given.</summary>
    public IReadOnlyList<string[]> BlockSources => _blockSources;

    /// <summary>Each <c>-a</c>/<c>allow-rpcs</c> source's list, in the order given.</summary>
    public IReadOnlyList<string[]> AllowSources => _allowSources;

    /// <summary>True when one of the kit's own keys (hook-timeout, hook-log, hook-allow-untrusted) was set, so <c>-D</c>
    /// prints it; qemu-ga's own keys are always printed.</summary>
    public bool IsKitKeySet(string key) => _kitKeysSet.Contains(key);

    /// <summary>The path of hook <paramref name="hookName"/> when no PATH is given (<c>-F</c>, <c>--NAME-hook</c>).</summary>
    public string DefaultHookPath(string hookName)
    {
        foreach (var hook in Hooks.Hooks)
        {
            if (hook.Name == hookName)
            {
                return hook.DefaultPath;
            }
        }

        return new HookDefinition(hookName).DefaultPath;
    }

    /// <summary>Adds one source's comma list (qemu-ga's split_list: <c>g_strsplit(s, ",", -1)</c>; an empty string adds nothing).</summary>
    public void AddBlockRpcs(string list)
    {
        var items = SplitList(list);
        _blockSources.Add(items);
        Options.BlockRpcs.AddRange(items);
    }

    /// <summary>As <see cref="AddBlockRpcs"/>; the allow filter exists once a source added at least one name (10.2).</summary>
    public void AddAllowRpcs(string list)
    {
        var items = SplitList(list);
        _allowSources.Add(items);
        if (items.Length > 0)
        {
            (Options.AllowRpcs ??= new List<string>()).AddRange(items);
        }
    }

    public void SetHookTimeout(int seconds)
    {
        Options.HookTimeoutSeconds = seconds;
        _kitKeysSet.Add(ConfigKeys.HookTimeout);
    }

    public void SetHookLog(bool value)
    {
        Options.HookLog = value;
        _kitKeysSet.Add(ConfigKeys.HookLog);
    }

    public void SetHookAllowUntrusted(bool value)
    {
        Options.HookAllowUntrusted = value;
        _kitKeysSet.Add(ConfigKeys.HookAllowUntrusted);
    }

    public static string[] SplitList(string list) => list.Length == 0 ? Array.Empty<string>() : list.Split(',');
}
