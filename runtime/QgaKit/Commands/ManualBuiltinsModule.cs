using System.Runtime.CompilerServices;
using QgaKit.Dispatch;
using QgaKit.Hooks;
using QgaKit.Json;
using QgaKit.Protocol;

namespace QgaKit.Commands;

// TEMPORARY (agent core): hand-written stand-in for the module the generator will emit for BuiltinCommands.
// It registers the built-ins exactly as generated code would (same names, flags, order, argument errors).
// Delete this file as soon as the generator emits the runtime's own module, or the commands register twice.

/// <summary>Registers <see cref="BuiltinCommands"/> until the generator does.</summary>
internal sealed class ManualBuiltinsModule : IQgaModule
{
#pragma warning disable CA2255 // The runtime's module must be registered before any user module, as generated code does.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => QgaModules.Register(new ManualBuiltinsModule());

    public void RegisterHooks(HookCatalog catalog)
    {
    }

    public void RegisterCommands(CommandTable table, AgentServices services)
    {
        var commands = new BuiltinCommands(services.GetRequired<ResponseDelimiter>(), services.GetRequired<CommandTable>());

        table.Register(new CommandDefinition(
            "guest-sync-delimited",
            context =>
            {
                var id = ManualBinding.RequiredInt64(context.Arguments, "id"u8, "id");
                context.Result.WriteNumber(commands.SyncDelimited(id));
                return default;
            },
            successResponse: true,
            allowedWhileFrozen: true));

        table.Register(new CommandDefinition(
            "guest-sync",
            context =>
            {
                var id = ManualBinding.RequiredInt64(context.Arguments, "id"u8, "id");
                context.Result.WriteNumber(commands.Sync(id));
                return default;
            },
            successResponse: true,
            allowedWhileFrozen: true));

        table.Register(new CommandDefinition(
            "guest-ping",
            context =>
            {
                ManualBinding.NoArguments(context.Arguments);
                commands.Ping();
                return default;
            },
            successResponse: true,
            allowedWhileFrozen: true));

        table.Register(new CommandDefinition(
            "guest-info",
            context =>
            {
                ManualBinding.NoArguments(context.Arguments);
                WriteInfo(context.Result, commands.Info());
                return default;
            },
            successResponse: true,
            allowedWhileFrozen: true));
    }

    private static void WriteInfo(JsonWriter writer, GuestAgentInfo info)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("version"u8);
        writer.WriteString(info.Version);
        writer.WritePropertyName("supported_commands"u8);
        writer.WriteStartArray();
        foreach (var command in info.SupportedCommands)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("enabled"u8);
            writer.WriteBoolean(command.Enabled);
            writer.WritePropertyName("name"u8);
            writer.WriteString(command.Name);
            writer.WritePropertyName("success-response"u8);
            writer.WriteBoolean(command.SuccessResponse);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
