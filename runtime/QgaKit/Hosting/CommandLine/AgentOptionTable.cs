using System.Collections.Generic;
using QgaKit.Hooks;
using QgaKit.Hosting.Config;

namespace QgaKit.Hosting.CommandLine;

/// <summary>
/// The agent's getopt table: qemu-ga 7.2's options (tier 0, in 7.2's <c>lopt</c> order, which is the order getopt
/// lists ambiguous matches in), qemu-ga 10.2's <c>-c/--config</c> and <c>-a/--allow-rpcs</c> (tier 1), then the kit's
/// <c>--NAME-hook[=PATH]</c> for every hook other than fsfreeze and the <c>--hook-*</c> options (tier 2). Abbreviations
/// resolve in the lowest tier that has a match, so every abbreviation 7.2 accepts keeps its meaning.
/// </summary>
public sealed class AgentOptionTable
{
    /// <summary>10.2's optstring; <c>-s</c> (Windows' service option) takes an argument and is ignored on Linux, as in qemu-ga.</summary>
    public const string ShortOptions = "hVvdc:m:p:l:f:F::b:a:s:t:Dr";

    public const int HookTimeoutId = 256;
    public const int HookLogId = 257;
    public const int HookAllowUntrustedId = 258;

    /// <summary>Ids of <c>--NAME-hook</c> are this plus the hook's index in the catalog.</summary>
    public const int NamedHookBaseId = 1024;

    private AgentOptionTable(List<GetoptLongOption> longOptions)
    {
        LongOptions = longOptions;
    }

    public IReadOnlyList<GetoptLongOption> LongOptions { get; }

    public static AgentOptionTable Create(HookCatalog hooks)
    {
        var options = new List<GetoptLongOption>
        {
            new("help", GetoptArgument.None, 'h'),
            new("version", GetoptArgument.None, 'V'),
            new("dump-conf", GetoptArgument.None, 'D'),
            new("logfile", GetoptArgument.Required, 'l'),
            new("pidfile", GetoptArgument.Required, 'f'),
            new("fsfreeze-hook", GetoptArgument.Optional, 'F'),
            new("verbose", GetoptArgument.None, 'v'),
            new("method", GetoptArgument.Required, 'm'),
            new("path", GetoptArgument.Required, 'p'),
            new("daemonize", GetoptArgument.None, 'd'),
            new("block-rpcs", GetoptArgument.Required, 'b'),
            new("blacklist", GetoptArgument.Required, 'b'),
            new("statedir", GetoptArgument.Required, 't'),
            new("retry-path", GetoptArgument.None, 'r'),
            new("config", GetoptArgument.Required, 'c', 1),
            new("allow-rpcs", GetoptArgument.Required, 'a', 1),
        };
        if (hooks is not null)
        {
            for (var i = 0; i < hooks.Hooks.Count; i++)
            {
                var name = hooks.Hooks[i].Name;
                if (name != HookNames.Fsfreeze)
                {
                    options.Add(new(ConfigKeys.Hook(name), GetoptArgument.Optional, NamedHookBaseId + i, 2));
                }
            }
        }

        options.Add(new(ConfigKeys.HookTimeout, GetoptArgument.Required, HookTimeoutId, 2));
        options.Add(new(ConfigKeys.HookLog, GetoptArgument.None, HookLogId, 2));
        options.Add(new(ConfigKeys.HookAllowUntrusted, GetoptArgument.None, HookAllowUntrustedId, 2));
        return new AgentOptionTable(options);
    }
}
