using System.Collections.Generic;
using System.Runtime.CompilerServices;
using QgaKit.Dispatch;
using QgaKit.Freezing;
using QgaKit.Hooks;
using QgaKit.Hosting;
using QgaKit.Json;
using QgaKit.Logging;

namespace QgaKit.Commands;

// TEMPORARY (freezing): hand-written stand-in for what the generator will emit for FsfreezeHookArg and
// FsfreezeCommands (hook registration, constructor injection, argument binding with QAPI's texts). Delete this
// file once `git merge generator` generates them, or the hook and the commands register twice.

/// <summary>Registers the fsfreeze hook and the guest-fsfreeze-* commands until the generator does.</summary>
internal sealed class ManualFsfreezeModule : IQgaModule
{
#pragma warning disable CA2255 // Registered at load time, as generated modules are.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => QgaModules.Register(new ManualFsfreezeModule());

    public void RegisterHooks(HookCatalog catalog) => catalog.Add(FsfreezeHook.Definition);

    public void RegisterCommands(CommandTable table, AgentServices services)
    {
        if (!services.TryGet<FsfreezeHook>(out var hook))
        {
            hook = new FsfreezeHook(services.GetRequired<HookHost>());
            services.Add(hook!);
        }

        // TEMPORARY as well: QgaAgent.Run should create the freezer and call RecoverAtStartup itself.
        if (!services.TryGet<Freezer>(out var freezer))
        {
            freezer = new Freezer(services.GetRequired<FrozenState>(), services.GetRequired<AgentLogger>(), services.GetRequired<AgentOptions>());
            services.Add(freezer!);
            freezer!.RecoverAtStartup();
        }

        var commands = new FsfreezeCommands(freezer!, hook!);

        table.Register(new CommandDefinition(
            "guest-fsfreeze-status",
            context =>
            {
                ManualBinding.NoArguments(context.Arguments);
                context.Result.WriteString(commands.Status() == GuestFsfreezeStatus.Frozen ? "frozen" : "thawed");
                return default;
            },
            allowedWhileFrozen: true));

        table.Register(new CommandDefinition(
            "guest-fsfreeze-freeze",
            context =>
            {
                ManualBinding.NoArguments(context.Arguments);
                context.Result.WriteNumber(commands.Freeze());
                return default;
            }));

        table.Register(new CommandDefinition(
            "guest-fsfreeze-freeze-list",
            context =>
            {
                context.Result.WriteNumber(commands.FreezeList(BindMountpoints(context.Arguments)));
                return default;
            }));

        table.Register(new CommandDefinition(
            "guest-fsfreeze-thaw",
            context =>
            {
                ManualBinding.NoArguments(context.Arguments);
                context.Result.WriteNumber(commands.Thaw());
                return default;
            },
            allowedWhileFrozen: true));
    }

    private static List<string>? BindMountpoints(JsonValue arguments)
    {
        // QAPI's order: the member's own type errors first, unexpected members after.
        List<string>? list = null;
        if (arguments.TryGetProperty("mountpoints"u8, out var value))
        {
            if (value.Kind != JsonKind.Array)
            {
                throw new QgaException("Invalid parameter type for 'mountpoints', expected: array");
            }

            list = new List<string>();
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                if (element.Kind != JsonKind.String)
                {
                    throw new QgaException($"Invalid parameter type for 'mountpoints[{index}]', expected: string");
                }

                list.Add(element.GetString());
                index++;
            }
        }

        foreach (var member in arguments.EnumerateObject())
        {
            if (!member.NameEquals("mountpoints"u8))
            {
                throw new QgaException("Parameter '" + member.Name + "' is unexpected");
            }
        }

        return list;
    }
}
